// Step 15: trait objects
//
// A drawing app keeps shapes of different types in one Vec<Box<dyn Shape>>
// and calls their methods through dynamic dispatch.
//
// As shipped this does not compile: `Shape` is not dyn compatible (E0038),
// so `dyn Shape` cannot be formed.
//
// Your job: fix the `Shape` trait (see the TODO) so the program compiles and
// prints the expected output. Keep the `duplicate` method: `main` calls it on
// a concrete `Tile`. Do not change `main`.

trait Shape {
    fn name(&self) -> String;
    fn area(&self) -> f64;
    // `where Self: Sized` keeps this method out of the vtable, so the
    // trait stays dyn compatible while concrete types can still call it.
    fn duplicate(&self) -> Self
    where
        Self: Sized;
}

struct Tile {
    side: f64,
}

struct Disc {
    radius: f64,
}

impl Shape for Tile {
    fn name(&self) -> String {
        format!("tile {}x{}", self.side, self.side)
    }
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn duplicate(&self) -> Self {
        Tile { side: self.side }
    }
}

impl Shape for Disc {
    fn name(&self) -> String {
        format!("disc r={}", self.radius)
    }
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
    fn duplicate(&self) -> Self {
        Disc { radius: self.radius }
    }
}

fn describe(shape: &dyn Shape) -> String {
    format!("{}: area {:.1}", shape.name(), shape.area())
}

fn main() {
    let tile = Tile { side: 2.0 };
    let copy = tile.duplicate(); // static dispatch: the type is known here

    let shapes: Vec<Box<dyn Shape>> =
        vec![Box::new(tile), Box::new(copy), Box::new(Disc { radius: 2.0 })];

    for shape in &shapes {
        println!("{}", describe(shape.as_ref()));
    }
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("total area: {total:.1}");
}
