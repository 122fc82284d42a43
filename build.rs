// The bundled catalogue is embedded with include_dir; rebuild when any file under practices/
// changes, is added or removed (cargo scans a directory given here recursively).
fn main() {
    println!("cargo:rerun-if-changed=practices");
}
