//! The browser entry point (Trunk builds it for wasm32, with `--features csr`).
fn main() {
    broadsheet_web::start();
}
