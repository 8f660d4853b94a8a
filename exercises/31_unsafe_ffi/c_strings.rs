// c_strings.rs
//
// Calling C. A Rust `&str` is a pointer plus a length and may contain a 0
// byte anywhere; a C string is a bare pointer to bytes that end at the
// first 0 (NUL). `CString` copies a Rust string and appends the NUL, and
// refuses text that already contains one. `CStr` goes the other way: it
// borrows NUL-terminated bytes that C produced.
//
// `strlen` comes from the C library, which bare rustc links on Linux.
//
// The file does not compile; once it does, it still panics. Make it print
// the expected output, and keep calling `strlen` for the lengths.
//
// Expected output:
//
//   "tea" -> C sees 3 bytes
//   "grüße" -> C sees 7 bytes
//   "" -> C sees 0 bytes
//   "id\0 42" -> rejected: NUL at byte 2
//   label from C: chai

use std::ffi::{CStr, CString, c_char};

// TODO: edition 2024 rejects this block: rustc cannot check these
// declarations against the real C library, and the block does not admit it.
extern "C" {
    fn strlen(s: *const c_char) -> usize;
}

fn describe(text: &str) -> String {
    // TODO: one input holds a NUL byte, which no C string can contain; this
    // turns that case into a crash instead of a "rejected" line.
    let owned = CString::new(text).unwrap();
    // SAFETY: `owned` is a valid NUL-terminated string, and it is a named
    // local, so it outlives the call (a temporary would be freed too soon).
    let len = unsafe { strlen(owned.as_ptr()) };
    format!("{text:?} -> C sees {len} bytes")
}

fn main() {
    for text in ["tea", "grüße", "", "id\0 42"] {
        println!("{}", describe(text));
    }

    // A C API that fills a fixed-size buffer: the text ends at the first
    // NUL, and the bytes after it are padding.
    let buffer: [u8; 8] = *b"chai\0\0\0\0";
    // TODO: this constructor demands exactly one NUL, as the last byte, but
    // the buffer is padded with several.
    let label = CStr::from_bytes_with_nul(&buffer).expect("the buffer holds a NUL");
    println!("label from C: {}", label.to_str().expect("the label is UTF-8"));
}
