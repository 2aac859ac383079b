//! Fuzzes the uk_xml parser: any bytes must give entities or an error, never a panic.
#![no_main]

use interdict_formats::{parse, Format, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input {
        name: "fuzz".into(),
        bytes: data.to_vec(),
    };
    let _ = parse(Format::UkXml, &input, &[]);
});
