fn main() {
    #[cfg(target_arch = "wasm32")]
    broadsheet::app::start();
}
