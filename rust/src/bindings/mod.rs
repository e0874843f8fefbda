//! The binding layer: every PyO3 type of the crate lives here, one file per stage, over rule
//! modules that know nothing of Python (as `polars-python` sits over polars' crates and
//! tokenizers' `bindings/python` over its core). Each function is a thin wrapper that Python
//! calls through its stage's API; results cross as typed frozen classes with named fields
//! (`Number`, `AlignedUnit`, `Finding`, `SourceProblem`, …), not tuples. `builder/_core.pyi`
//! declares them, and `stubtest builder._core` (`.ci/run`) holds the two together.

use pyo3::prelude::*;

pub mod align;
pub mod evidence;
pub mod exports;
pub mod rows;
pub mod sources;
pub mod structure;

mod files {
    include!(concat!(env!("OUT_DIR"), "/sources.rs"));
}

/// The compiled core of callcorpus (see `rust/` in the repository).
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    sources::register(m)?;
    structure::register(m)?;
    evidence::register(m)?;
    align::register(m)?;
    rows::register(m)?;
    exports::register(m)?;
    let files: Vec<(&str, &[u8])> = files::SOURCES.to_vec();
    m.add("SOURCES", files)?;
    Ok(())
}
