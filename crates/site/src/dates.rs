//! The article's ISO 8601 dates in the stricter forms feeds and sitemaps need,
//! and in order.

use broadsheet_core::article::is_iso8601;

/// An article date (`published`, `updated`, a correction's `date`) as an RFC 3339
/// date-time, which Atom and JSON Feed require: `2011-03-01` becomes
/// `2011-03-01T00:00:00Z`, missing seconds become `:00`, a lower-case `t` or a space
/// becomes `T`, `z` becomes `Z`. A date-time without a zone is taken as UTC (the
/// article format leaves it to the reader's clock; a feed cannot). `None` for
/// anything that is not a date the article format accepts.
pub fn rfc3339(value: &str) -> Option<String> {
    let value = value.trim();
    if !is_iso8601(value) {
        return None;
    }
    let date = &value[..10];
    if value.len() == 10 {
        return Some(format!("{date}T00:00:00Z"));
    }
    // hh:mm, then [:ss[.fff]], then the zone.
    let (hours_minutes, rest) = value[11..].split_at(5);
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (seconds, zone) = rest.split_at(zone_at);
    let seconds = if seconds.is_empty() { ":00" } else { seconds };
    let zone = match zone {
        "" | "z" | "Z" => "Z",
        offset => offset,
    };
    Some(format!("{date}T{hours_minutes}{seconds}{zone}"))
}

/// A date as the sitemap protocol's W3C Datetime: a calendar date stays as it is,
/// a date-time becomes RFC 3339 (a profile of W3C Datetime) as in [`rfc3339`].
pub fn w3c_datetime(value: &str) -> Option<String> {
    let value = value.trim();
    if value.len() == 10 && is_iso8601(value) {
        Some(value.to_string())
    } else {
        rfc3339(value)
    }
}

/// Seconds since 1970-01-01T00:00:00Z of an [`rfc3339`] string (fractions of a
/// second ignored), for putting dates with different zones in order.
pub(crate) fn instant(rfc3339: &str) -> i64 {
    let b = rfc3339.as_bytes();
    let num = |from: usize, len: usize| -> i64 {
        rfc3339
            .get(from..from + len)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    };
    let (year, month, day) = (num(0, 4), num(5, 2), num(8, 2));
    let (hour, minute, second) = (num(11, 2), num(14, 2), num(17, 2));
    let mut zone = 19;
    if b.get(zone) == Some(&b'.') {
        zone += 1;
        while b.get(zone).is_some_and(u8::is_ascii_digit) {
            zone += 1;
        }
    }
    let offset = match b.get(zone) {
        Some(b'+') => num(zone + 1, 2) * 3600 + num(zone + 4, 2) * 60,
        Some(b'-') => -(num(zone + 1, 2) * 3600 + num(zone + 4, 2) * 60),
        _ => 0,
    };
    days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
}

/// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Count years from March, so that the leap day is the last day of a year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// An article's dates for a feed: both RFC 3339, `updated` falling back to
/// `published`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Dates {
    pub published: Option<String>,
    pub updated: Option<String>,
}

impl Dates {
    pub fn of(meta: &broadsheet_core::article::Meta) -> Dates {
        let published = meta.published.as_deref().and_then(rfc3339);
        let updated = meta
            .updated
            .as_deref()
            .and_then(rfc3339)
            .or_else(|| published.clone());
        Dates { published, updated }
    }

    /// The moment the article was first published (or, undated, last updated),
    /// for newest-first order.
    pub fn sort_key(&self) -> Option<i64> {
        self.published
            .as_deref()
            .or(self.updated.as_deref())
            .map(instant)
    }
}

/// The time Atom is given when nothing is dated: it requires an `updated` on the
/// feed and on every entry.
pub(crate) const UNKNOWN: &str = "1970-01-01T00:00:00Z";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_dates_become_rfc3339() {
        for (date, want) in [
            ("2011-03-01", "2011-03-01T00:00:00Z"),
            (" 2011-03-01 ", "2011-03-01T00:00:00Z"),
            ("2011-03-01T14:05", "2011-03-01T14:05:00Z"),
            ("2011-03-01t14:05z", "2011-03-01T14:05:00Z"),
            ("2011-03-01 14:05:09", "2011-03-01T14:05:09Z"),
            ("2024-05-30T07:00:00Z", "2024-05-30T07:00:00Z"),
            (
                "2011-03-01T14:05:09.123+05:30",
                "2011-03-01T14:05:09.123+05:30",
            ),
            ("2011-03-01T14:05-04:00", "2011-03-01T14:05:00-04:00"),
        ] {
            assert_eq!(rfc3339(date).as_deref(), Some(want), "{date}");
        }
        for bad in ["", "March 1, 2011", "2011-3-1", "2023-02-29"] {
            assert_eq!(rfc3339(bad), None, "{bad}");
        }
        assert_eq!(w3c_datetime("2011-03-01").as_deref(), Some("2011-03-01"));
        assert_eq!(
            w3c_datetime("2011-03-01T14:05").as_deref(),
            Some("2011-03-01T14:05:00Z")
        );
    }

    #[test]
    fn instants_order_across_zones() {
        assert_eq!(instant("1970-01-01T00:00:00Z"), 0);
        assert_eq!(instant("2000-03-01T00:00:00Z"), 951_868_800);
        assert_eq!(instant("2024-05-30T07:00:00Z"), 1_717_052_400);
        assert_eq!(instant("1969-12-31T23:59:59Z"), -1);
        assert_eq!(
            instant("2024-05-30T09:00:00.5+02:00"),
            instant("2024-05-30T07:00:00Z")
        );
        assert_eq!(
            instant("2024-05-30T02:30:00-04:30"),
            instant("2024-05-30T07:00:00Z")
        );
        assert!(instant("2024-02-29T00:00:00Z") > instant("2024-02-28T23:59:59Z"));
    }
}
