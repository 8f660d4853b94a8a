// Step 20: drop, exercise 1 of 3
//
// A print shop runs on one thread and keeps its state in a RefCell, so every
// part of the program can reach it through a shared reference. As shipped
// the program compiles, then panics with "RefCell already borrowed": two
// functions keep a borrow guard alive much longer than the expression that
// created it.
//
// Your job: fix the two TODOs so the program prints exactly:
//
//   printer: Printing
//   printing invoice
//   printing flyer
//   printer: Idle
//   jammed: call a technician
//   done: ["invoice", "flyer"]

use std::cell::RefCell;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Printer {
    Idle,
    Printing,
    Jammed,
}

struct Shop {
    printer: Printer,
    queue: Vec<String>,
    done: Vec<String>,
}

// Moves the printer to its next state.
fn advance(shop: &RefCell<Shop>) {
    // Copy the state out first: the temporary `Ref` dies at the end of this
    // `let` statement, before any arm asks for a mutable borrow.
    let state = shop.borrow().printer;
    match state {
        Printer::Idle => shop.borrow_mut().printer = Printer::Printing,
        Printer::Printing => shop.borrow_mut().printer = Printer::Idle,
        Printer::Jammed => println!("jammed: call a technician"),
    }
}

// Prints every queued job, newest first, and records it as done.
fn drain(shop: &RefCell<Shop>) {
    loop {
        // The temporary `RefMut` dies at the end of this statement, so the
        // body is free to borrow the shop again.
        let next = shop.borrow_mut().queue.pop();
        let Some(job) = next else { break };
        println!("printing {job}");
        shop.borrow_mut().done.push(job);
    }
}

fn main() {
    let shop = RefCell::new(Shop {
        printer: Printer::Idle,
        queue: vec![String::from("flyer"), String::from("invoice")],
        done: Vec::new(),
    });

    advance(&shop);
    println!("printer: {:?}", shop.borrow().printer);
    drain(&shop);
    advance(&shop);
    println!("printer: {:?}", shop.borrow().printer);

    shop.borrow_mut().printer = Printer::Jammed;
    advance(&shop);
    println!("done: {:?}", shop.borrow().done);
}
