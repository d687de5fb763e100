//! The reader of published article pages (Trunk builds it for wasm32 beside
//! the app, with `--features csr`): see `broadsheet_web::published`.
fn main() {
    broadsheet_web::published::start();
}
