// Exercise: vecs
//
// A print queue kept in a Vec<Job>. Jobs longer than 40 pages are split:
// the first half stays where it is, and a "(part 2)" job with the rest
// goes to the back of the queue. Then the queue is inspected with the
// read-only tools of Vec: `len`, `get` and a shared loop.
//
// The program does not compile. Fix the splitting loop so that it prints
// exactly:
//
//   queue: report 30, slides 25, poster 2, thesis 60, slides (part 2) 25, thesis (part 2) 60
//   6 jobs, 202 pages
//   job 7: none
//   longest: thesis

#[derive(Debug)]
struct Job {
    name: String,
    pages: u32,
}

fn job(name: &str, pages: u32) -> Job {
    Job {
        name: name.to_string(),
        pages,
    }
}

fn main() {
    let mut queue = vec![job("report", 30), job("slides", 50), job("poster", 2), job("thesis", 120)];

    // The loop borrows `queue` mutably until it ends, so the second halves
    // are collected in a separate Vec and appended once the loop is over.
    let mut second_halves = Vec::new();
    for j in &mut queue {
        if j.pages > 40 {
            let rest = j.pages / 2;
            j.pages -= rest;
            second_halves.push(job(&format!("{} (part 2)", j.name), rest));
        }
    }
    queue.extend(second_halves);

    print!("queue:");
    for (i, j) in queue.iter().enumerate() {
        let sep = if i == 0 { " " } else { ", " };
        print!("{sep}{} {}", j.name, j.pages);
    }
    println!();

    let mut pages = 0;
    for j in &queue {
        pages += j.pages;
    }
    println!("{} jobs, {pages} pages", queue.len());

    // Index 6 is out of bounds: `queue[6]` would panic, `get` does not.
    match queue.get(6) {
        Some(j) => println!("job 7: {}", j.name),
        None => println!("job 7: none"),
    }

    let mut longest = &queue[0];
    for j in &queue {
        if j.pages > longest.pages {
            longest = j;
        }
    }
    println!("longest: {}", longest.name);
}
