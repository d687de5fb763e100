//! TODO
use crate::{ImportError, Imported};
use url::Url;

pub fn import(_input: &str, _base: Option<&Url>) -> Result<Imported, ImportError> {
    Err(ImportError::new("not yet"))
}
