//! From the bytes of a file to its text, refusing what is too large or not UTF-8.

use super::FormatError;
use crate::limits::{self, MAX_FILE_BYTES, thousands};

/// The text of a JSON file: refuses files over [`MAX_FILE_BYTES`] and bytes that are
/// not UTF-8 (rather than showing replacement characters in the article).
pub fn decode_text(bytes: &[u8]) -> Result<&str, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len()));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        FormatError::root(format!(
            "the file is not UTF-8 text (invalid bytes at byte {})",
            thousands(e.valid_up_to())
        ))
    })
}

/// The error for a file over [`MAX_FILE_BYTES`]; `bytes` is its size when known.
pub fn too_large(bytes: usize) -> FormatError {
    let known = if bytes > MAX_FILE_BYTES {
        format!(" ({})", limits::size(bytes))
    } else {
        String::new()
    };
    FormatError::root(format!(
        "the file is too large{known}: Broadsheet reads files of up to {}",
        limits::size(MAX_FILE_BYTES)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_bytes;

    #[test]
    fn files_too_large_or_not_utf8_are_refused_with_a_reason() {
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            parse_bytes(&big).unwrap_err().to_string(),
            "the file is too large (5 MB): Broadsheet reads files of up to 5 MB"
        );
        let latin1 = b"{\"headline\":\"Caf\xe9\",\"body\":[]}";
        assert_eq!(
            parse_bytes(latin1).unwrap_err().to_string(),
            "the file is not UTF-8 text (invalid bytes at byte 16)"
        );
    }
}
