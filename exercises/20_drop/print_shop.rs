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
    // TODO 1: the guard created in the scrutinee is only needed to read the
    // state, but it stays alive through every arm of the match.
    match shop.borrow().printer {
        Printer::Idle => shop.borrow_mut().printer = Printer::Printing,
        Printer::Printing => shop.borrow_mut().printer = Printer::Idle,
        Printer::Jammed => println!("jammed: call a technician"),
    }
}

// Prints every queued job, newest first, and records it as done.
fn drain(shop: &RefCell<Shop>) {
    // TODO 2: the mutable guard created in this condition is still alive
    // while the loop body runs.
    while let Some(job) = shop.borrow_mut().queue.pop() {
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
