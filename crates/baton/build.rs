//! Rebuild when the web app's build output changes, so `cargo build` after `npm run build`
//! embeds the new files (rust-embed reads the folder when this crate compiles), and when a
//! migration is added (`sqlx::migrate!` embeds the folder the same way).

fn main() {
    let dist = concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/dist");
    println!("cargo:rerun-if-changed={dist}");
    println!("cargo:rerun-if-changed=migrations");
}
