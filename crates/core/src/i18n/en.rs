//! English: the reference table. Each template's `{names}` are the values it is
//! given; every translation keeps the same names (the tests check).

use super::{Plural, Text};

pub const TEXT: Text = Text {
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    // {day} {month} {month_number} {year}
    date_long: "{month} {day}, {year}",
    // {h12} {hour} {hour2} {minute} {half}
    time_short: "{h12}:{minute}\u{202f}{half}",
    // {date} {time}
    date_time: "{date} at {time}",
    am: "AM",
    pm: "PM",
    list_and: " and ",
    list_comma: ", ",
    size_units: ["bytes", "KB", "MB", "GB"],

    offline: "Offline",
    update_available: "A new version of Broadsheet is available.",
    reload: "Reload",
    not_found_title: "Page not found",
    not_found_message: "There is nothing at this address.",
    back_to_library: "Back to the library",
    storage_unavailable: "This browser isn’t letting Broadsheet store anything, so your reading position and settings won’t be kept.",
    crash_title: "Something went wrong",
    crash_message: "Broadsheet stopped because of an error in the viewer itself, not in the article. Reloading the page usually fixes it.",

    library_title: "Library",
    library_description: "Articles to read in Broadsheet.",
    library_loading: "Loading the list of articles…",
    state_unread: "Unread",
    // {percent}: "43%"
    state_reading: "{percent} read",
    state_read: "Read",
    minutes_read: Plural::two_forms("{n} min read", "{n} min read"),
    saved_title: "Saved for offline",
    saved_unsupported: "This browser can’t keep articles for offline reading.",
    saved_checking: "Checking…",
    saved_none: "Nothing yet. Use “Save offline” on an article to keep it with its pictures for reading without a connection.",
    saved_remove: "Remove",
    // {headline}
    saved_remove_label: "Remove “{headline}” from offline",
    saved_remove_all: "Remove all",
    // {used} {quota}: "1.2 MB"
    storage_usage: "Using {used} of {quota} available to Broadsheet on this device.",
    open_label: "Open an article from its JSON address",
    open_button: "Open",

    loading: "Loading…",
    loading_article: "Loading article…",
    newer_version: "A newer version of this article is available.",
    show_newer: "Show it",
    // {names}: the authors, linked
    byline: "By {names}",
    // {date}
    updated: "Updated {date}",
    corrections: Plural::two_forms("Correction", "Corrections"),
    notes: "Notes",
    related: "Related",
    // {source}
    source: "Source: {source}",
    comments_closed: "comments are not open on this copy of the article.",
    // {n}
    footnote: "Footnote {n}",
    footnote_back: "Back to reference {n}",
    topics: "Topics",
    task_done: "Done",
    task_not_done: "Not done",

    reading_progress: "Reading progress",
    minutes_left: Plural::two_forms("{n} min left", "{n} min left"),
    finished: "Finished",
    copy_link: "Copy link",
    link_copied: "Link to this paragraph copied",
    link_in_address_bar: "Link to this paragraph is in the address bar",
    save_offline: "Save offline",
    saved_offline: "Saved offline",
    // {error}
    save_failed: "Couldn’t save for offline: {error}",
    offline_unsupported: "This browser can’t keep articles offline.",
    offline_helper_missing: "The offline helper isn’t running.",
    offline_helper_silent: "The offline helper didn’t answer.",
    reader_settings: "Reader settings",
    contents: "Contents",
    // {percent}: "43%"
    resume_prompt: "Continue where you left off ({percent})",
    resume_continue: "Continue",
    resume_restart: "Start from the top",
    resume_label: "Resume reading",

    text_size: "Text size",
    sizes: ["Smallest", "Small", "Medium", "Large", "Largest"],
    typeface: "Typeface",
    serif: "Serif",
    sans_serif: "Sans-serif",
    line_width: "Line width",
    narrow: "Narrow",
    normal: "Normal",
    wide: "Wide",
    theme: "Theme",
    theme_auto: "Auto",
    theme_light: "Light",
    theme_sepia: "Sepia",
    theme_dark: "Dark",

    listen: "Listen",
    listen_player: "Reading aloud",
    listen_previous: "Previous paragraph",
    listen_pause: "Pause",
    listen_next: "Next paragraph",
    listen_rate: "Reading speed",
    listen_started: "Reading aloud",
    listen_paused: "Paused",
    listen_resumed: "Reading aloud again",
    listen_stopped: "Stopped reading aloud",
    listen_finished: "Finished reading aloud",
    listen_nothing_left: "Nothing left to read aloud from here",
    listen_failed: "Reading aloud stopped: the browser could not speak",

    retry: "Retry",
    error_no_source_title: "No article chosen",
    error_no_source: "Open an article from the library, or give its address as /read?src=…",
    error_bad_address_title: "That address doesn’t work",
    // {address}
    error_bad_address: "“{address}” is not a web address an article can be loaded from.",
    error_not_found_title: "Article not found",
    // {status}: "404 Not Found"
    error_not_found: "The server has no article at this address (HTTP {status}).",
    error_http_title: "The server had a problem",
    // {status}
    error_http: "The server answered with HTTP {status}.",
    error_network_title: "Couldn’t reach the server",
    error_network: "The network request failed: you may be offline, or the server may be down or refusing connections.",
    error_cors_title: "That site doesn’t share its articles",
    // {site}: its origin
    error_cors: "{site} answered, but doesn’t allow other sites to show its articles (it sends no CORS permission, Access-Control-Allow-Origin). Open the article on {site} itself, or ask its publisher to allow it.",
    error_timeout_title: "The server is taking too long",
    // {seconds}
    error_timeout: "Nothing arrived for {seconds} seconds, so Broadsheet stopped waiting. The connection may be slow, or the server busy.",
    error_offline_title: "You’re offline",
    error_offline: "You’re offline and this article isn’t saved. It will load by itself when the connection is back.",
    error_format_title: "This file can’t be read",
    // {problem}: what the validation found, with its JSON path (not translated)
    error_format: "It is not a valid Broadsheet article: {problem}.",
};
