//! ISO 8601 dates and date-times, as the `published`, `updated` and correction
//! `date` fields must be written.

/// True for an ISO 8601 calendar date (`2011-03-01`) or date-time
/// (`2011-03-01T14:05`, seconds, fractions and a `Z` or `±hh:mm` offset optional).
pub fn is_iso8601(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(u32::MAX);
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return false;
    }
    let (month, day) = (num(5..7), num(8..10));
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(num(0..4), month) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    // Time part: Thh:mm[:ss[.fff]][Z|±hh:mm]
    if !(b[10] == b'T' || b[10] == b't' || b[10] == b' ') || b.len() < 16 {
        return false;
    }
    if !digits(11..13) || b[13] != b':' || !digits(14..16) || num(11..13) > 23 || num(14..16) > 59 {
        return false;
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        if !digits(i + 1..i + 3) || num(i + 1..i + 3) > 60 {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match &b[i..] {
        [] | [b'Z'] | [b'z'] => true,
        [sign, ..] if (*sign == b'+' || *sign == b'-') && b.len() == i + 6 => {
            digits(i + 1..i + 3)
                && b[i + 3] == b':'
                && digits(i + 4..i + 6)
                && num(i + 1..i + 3) <= 23
        }
        _ => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in [
            "2011-03-01",
            "2024-02-29",
            "2011-03-01T14:05",
            "2011-03-01T14:05:09Z",
            "2011-03-01T14:05:09.123+05:30",
        ] {
            assert!(is_iso8601(ok), "{ok}");
        }
        for bad in [
            "2011-3-1",
            "2023-02-29",
            "2011-13-01",
            "March 1, 2011",
            "2011-03-01T25:00",
            "2011-03-01T14:05+5",
            "",
        ] {
            assert!(!is_iso8601(bad), "{bad}");
        }
    }
}
