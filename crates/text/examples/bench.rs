//! Tiny timing loop: `cargo run --release -p interdict-text --example bench [NAME]`.
//! Times `normalize` (first reading only) and `name_forms` (every reading).
use std::time::Instant;

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Владимир Владимирович Путин".to_string());
    let iters = 200_000u32;
    let t = Instant::now();
    let mut sink = 0usize;
    for _ in 0..iters {
        sink += interdict_text::normalize(std::hint::black_box(&name)).len();
    }
    println!("normalize  {:?} ({sink})", t.elapsed() / iters);
    let iters = 50_000u32;
    let t = Instant::now();
    let mut sink = 0usize;
    for _ in 0..iters {
        sink += interdict_text::name_forms(
            std::hint::black_box(&name),
            interdict_text::NameClass::Person,
        )
        .len();
    }
    println!("name_forms {:?} ({sink})", t.elapsed() / iters);
}
