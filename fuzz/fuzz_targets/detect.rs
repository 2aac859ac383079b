//! Fuzzes format detection followed by the detected parser.
#![no_main]

use interdict_formats::{detect, parse, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(format) = detect("fuzz", data) {
        let input = Input {
            name: "fuzz".into(),
            bytes: data.to_vec(),
        };
        let _ = parse(format, &input, &[]);
    }
});
