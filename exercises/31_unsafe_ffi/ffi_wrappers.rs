// ffi_wrappers.rs
//
// Write safe wrappers over the C library. A safe function must not allow
// undefined behaviour for ANY argument a safe caller can pass, so each
// wrapper checks what its C function assumes. The tests are the spec.
//
//  * `c_strlen`: C's `strlen` on a Rust string. Text with an interior NUL
//    cannot become a C string: return that error.
//  * `c_abs`: C's `abs`. In C, `abs(INT_MIN)` is undefined behaviour (the
//    result does not fit in an int), so never make that call.
//  * `c_sort`: C's `qsort`, with an `extern "C"` comparator that you write.
//    A panic must not escape the comparator (that aborts the process), so
//    compare without arithmetic that can overflow.
//  * `guarded`: what an `extern "C"` entry point should do with a Rust
//    callback: run it, and turn a panic into the error code -1.

use std::ffi::{CString, NulError, c_char, c_int, c_void};
use std::panic::{self, UnwindSafe};

unsafe extern "C" {
    fn strlen(s: *const c_char) -> usize;
    // Not declared `safe`: one input (INT_MIN) is undefined behaviour.
    fn abs(x: c_int) -> c_int;
    fn qsort(
        base: *mut c_void,
        count: usize,
        size: usize,
        compare: extern "C" fn(*const c_void, *const c_void) -> c_int,
    );
}

// TODO: the wrappers below are `todo!()`, and `qsort` still needs a
// comparator. Write them so that every test passes without undefined
// behaviour for any input.
pub fn c_strlen(text: &str) -> Result<usize, NulError> {
    todo!()
}

pub fn c_abs(x: i32) -> Option<i32> {
    todo!()
}

// Write the comparator that `qsort` calls: an `extern "C" fn` with the
// signature declared above.

pub fn c_sort(values: &mut [i32]) {
    todo!()
}

pub fn guarded<F: FnOnce() -> i32 + UnwindSafe>(callback: F) -> c_int {
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strlen_counts_utf8_bytes() {
        assert_eq!(c_strlen("tea"), Ok(3));
        assert_eq!(c_strlen("grüße"), Ok(7));
        assert_eq!(c_strlen(""), Ok(0));
    }

    #[test]
    fn strlen_rejects_interior_nul() {
        let err = c_strlen("ab\0cd").unwrap_err();
        assert_eq!(err.nul_position(), 2);
    }

    #[test]
    fn abs_refuses_the_one_undefined_input() {
        assert_eq!(c_abs(-7), Some(7));
        assert_eq!(c_abs(i32::MAX), Some(i32::MAX));
        assert_eq!(c_abs(i32::MIN), None);
    }

    #[test]
    fn sorts_with_qsort() {
        let mut v = vec![5, -2, 9, 0, -2];
        c_sort(&mut v);
        assert_eq!(v, [-2, -2, 0, 5, 9]);
    }

    #[test]
    fn sorts_extreme_values_and_empty_slices() {
        let mut v = vec![i32::MAX, 0, i32::MIN, -1];
        c_sort(&mut v);
        assert_eq!(v, [i32::MIN, -1, 0, i32::MAX]);
        let mut empty: Vec<i32> = Vec::new();
        c_sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn guarded_turns_panics_into_error_codes() {
        assert_eq!(guarded(|| 42), 42);
        assert_eq!(guarded(|| panic!("callback failed")), -1);
        let empty: Vec<i32> = Vec::new();
        assert_eq!(guarded(move || empty[0]), -1);
    }
}
