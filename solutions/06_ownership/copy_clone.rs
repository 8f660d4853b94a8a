// Exercise: copy_clone
//
// `Point` holds only integers; `Tag` owns a String. The tests are the spec;
// do not edit them. As shipped they do not compile: a Point is used after
// being passed by value (E0382) or where `T: Copy` is needed (E0277), and a
// Tag has no `.clone()` method (E0599).
//
// Decide, for each type, how it may be duplicated:
//   - a Point should be duplicated implicitly, like an i32;
//   - a Tag should be duplicated only on request.
// (Once you know the answer, try making Tag duplicate implicitly too, and
// read the error: E0204.)

// Copy needs Clone as well: Copy is a subtrait of Clone.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

// A String owns heap memory, so Tag can be Clone but never Copy.
#[derive(Debug, Clone, PartialEq)]
struct Tag {
    name: String,
}

fn shift(p: Point, dx: i32) -> Point {
    Point {
        x: p.x + dx,
        y: p.y,
    }
}

fn shout(t: Tag) -> Tag {
    Tag {
        name: t.name.to_uppercase(),
    }
}

// Returns two copies of `v`: only possible because `T: Copy`.
fn both<T: Copy>(v: T) -> (T, T) {
    (v, v)
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_still_usable_after_a_call() {
        let a = Point { x: 1, y: 2 };
        let b = shift(a, 10);
        assert_eq!(a, Point { x: 1, y: 2 });
        assert_eq!(b, Point { x: 11, y: 2 });
    }

    #[test]
    fn points_can_be_duplicated_generically() {
        let (p, q) = both(Point { x: 3, y: 4 });
        assert_eq!(p, q);
    }

    #[test]
    fn a_tag_is_cloned_explicitly() {
        let t = Tag {
            name: String::from("rust"),
        };
        let mut copy = t.clone();
        copy.name.push('!');
        let loud = shout(t.clone());
        assert_eq!(t.name, "rust");
        assert_eq!(copy.name, "rust!");
        assert_eq!(loud.name, "RUST");
    }
}
