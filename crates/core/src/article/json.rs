//! The path-reporting JSON reader the parser is built on: [`Obj`] wraps a JSON
//! object with its path, and its typed accessors name that path in every error.

use super::{FormatError, is_iso8601};
use serde_json::{Map, Value};

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn type_error(path: &str, expected: &str, found: &Value) -> FormatError {
    FormatError::at(
        path,
        format!("expected {expected}, found {}", kind_of(found)),
    )
}

pub(super) fn as_str(v: &Value, path: &str) -> Result<String, FormatError> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| type_error(path, "a string", v))
}

/// A JSON object together with its path, with typed, path-reporting accessors.
/// `null` counts as absent everywhere.
pub(super) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    pub(super) fn new(value: &'a Value, path: String) -> Result<Self, FormatError> {
        match value {
            Value::Object(map) => Ok(Obj { map, path }),
            other if path.is_empty() => Err(FormatError::root(format!(
                "an article must be a JSON object; expected an object, found {}",
                kind_of(other)
            ))),
            other => Err(type_error(&path, "an object", other)),
        }
    }

    pub(super) fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// An optional string; blank counts as absent.
    pub(super) fn opt_str(&self, key: &str) -> Result<Option<String>, FormatError> {
        Ok(self
            .get(key)
            .map(|v| as_str(v, &self.child(key)))
            .transpose()?
            .filter(|s| !s.trim().is_empty()))
    }

    pub(super) fn req_str(&self, key: &str) -> Result<String, FormatError> {
        self.get(key)
            .map(|v| as_str(v, &self.child(key)))
            .transpose()?
            .ok_or_else(|| FormatError::at(self.child(key), "is required (a string)"))
    }

    pub(super) fn opt_date(&self, key: &str) -> Result<Option<String>, FormatError> {
        let value = self.opt_str(key)?;
        match value {
            Some(d) if !is_iso8601(d.trim()) => Err(FormatError::at(
                self.child(key),
                format!(
                    "\"{d}\" is not an ISO 8601 date such as 2011-03-01 or 2011-03-01T14:05:00Z"
                ),
            )),
            other => Ok(other.map(|d| d.trim().to_string())),
        }
    }

    pub(super) fn opt_bool(&self, key: &str) -> Result<Option<bool>, FormatError> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| type_error(&self.child(key), "true or false", v))
            })
            .transpose()
    }

    pub(super) fn opt_u32(&self, key: &str) -> Result<Option<u32>, FormatError> {
        self.get(key)
            .map(|v| {
                v.as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .or_else(|| {
                        v.as_f64()
                            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u32::MAX as f64)
                            .map(|f| f as u32)
                    })
                    .ok_or_else(|| type_error(&self.child(key), "a whole number ≥ 0", v))
            })
            .transpose()
    }

    pub(super) fn req_u32(&self, key: &str) -> Result<u32, FormatError> {
        self.opt_u32(key)?
            .ok_or_else(|| FormatError::at(self.child(key), "is required (a whole number)"))
    }

    pub(super) fn opt_object<T>(
        &self,
        key: &str,
        f: impl FnOnce(&Obj<'a>) -> Result<T, FormatError>,
    ) -> Result<Option<T>, FormatError> {
        self.get(key)
            .map(|v| f(&Obj::new(v, self.child(key))?))
            .transpose()
    }

    pub(super) fn opt_array<T>(
        &self,
        key: &str,
        mut f: impl FnMut(&'a Value, String) -> Result<T, FormatError>,
    ) -> Result<Vec<T>, FormatError> {
        let path = self.child(key);
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| f(v, format!("{path}[{i}]")))
                .collect(),
            Some(other) => Err(type_error(&path, "an array", other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::test_support::{err, minimal};

    #[test]
    fn wrong_types_name_the_json_path() {
        let json = r#"{"version":"1.0","headline":"H","body":[
            {"type":"text","markdown":"a"},{"type":"text","markdown":"b"},{"type":"text","markdown":"c"},
            {"type":"figure","image":{"src":3}}]}"#;
        assert_eq!(
            err(json),
            "body[3].image.src: expected a string, found a number"
        );
        assert_eq!(
            err(&minimal(r#","related":[{"title":"t"}]"#)),
            "related[0].url: is required (a string)"
        );
        assert_eq!(
            err(&minimal(r#","tags":"Iran""#)),
            "tags: expected an array, found a string"
        );
        assert_eq!(
            err(&minimal(r#","authors":[{"name":"A","url":false}]"#)),
            "authors[0].url: expected a string, found true/false"
        );
        assert_eq!(
            err(
                r#"{"headline":"H","body":[{"type":"figure","image":{"src":"a.jpg","srcset":[{"src":"b.jpg","width":"640w"}]}}]}"#
            ),
            "body[0].image.srcset[0].width: expected a whole number ≥ 0, found a string"
        );
    }

    #[test]
    fn dates_not_in_iso8601_are_refused() {
        assert_eq!(
            err(&minimal(r#","published":"1 March 2011""#)),
            "published: \"1 March 2011\" is not an ISO 8601 date such as 2011-03-01 or 2011-03-01T14:05:00Z"
        );
    }
}
