//! The compiled core of callcorpus, imported from Python as `builder._core`.
//!
//! The rule modules below are plain Rust, tested with `cargo test`; none of them knows Python.
//! `bindings` (the `python` feature, which maturin turns on) is the one binding layer, every
//! Python type in one file per stage, through which Python calls them, each rule through the
//! Python API of the stage it belongs to: the numbers
//! through `builder/evidence/numbers.py`, a sentence's features through
//! `builder/evidence/anchors.py`, the costs through `builder/evidence/cost.py`, sentence
//! segmentation through `builder/align/segment_en.py` and `segment_zh.py`, the units of a
//! paragraph pair through `builder/align/aligner.py`, the quality findings through
//! `builder/align/findings.py`, the Simplified-character test through
//! `builder/evidence/simplified.py`, the MT exports through `builder/formats/tmx.py` and
//! `builder/formats/moses.py`, the decoding, layout markup and line kinds of raw sources
//! through `builder/sources/`, the speaker-header rules through
//! `builder/structure/speakers.py`, the pairing of body lines into turns through
//! `builder/structure/pairing.py`, the script of a call's translations through
//! `builder/structure/metadata.py`. Nothing here imports from the Python package.

pub mod align;
pub mod anchors;
pub mod batch;
pub mod cost;
pub mod decode;
pub mod exports;
pub mod findings;
pub mod front;
pub mod glossary;
pub mod header;
pub mod json;
pub mod layout;
pub mod lines;
pub mod matching;
pub mod meaning;
pub mod metadata;
pub mod numbers;
pub mod pairing;
pub mod rows;
pub mod script;
pub mod segment;
pub mod sentence;
pub mod simplified;
pub mod tally;
pub mod text;
pub mod units;
pub mod value_batch;

#[cfg(feature = "python")]
mod bindings;

pub use sentence::Sentence;
