// Exercise: tickets
//
// A support desk passes tickets between queues. A `Ticket` owns its title
// and is deliberately NOT Clone: every ticket exists exactly once, so these
// functions have to MOVE tickets from one owner to another. `Priority` is a
// small Copy enum, so it can be read out of a ticket freely.
//
// Write the four function bodies. The tests are the spec; do not edit them.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Priority {
    Low,
    High,
}

#[derive(Debug, PartialEq)]
struct Ticket {
    id: u32,
    title: String,
    priority: Priority,
}

// Splits the tickets into (urgent, rest): High priority goes to `urgent`,
// everything else to `rest`. Both keep the original order.
fn triage(tickets: Vec<Ticket>) -> (Vec<Ticket>, Vec<Ticket>) {
    let mut urgent = Vec::new();
    let mut rest = Vec::new();
    // Looping over the Vec itself (not `&tickets`) yields owned tickets.
    for ticket in tickets {
        // `priority` is Copy: reading it moves nothing out of `ticket`.
        if ticket.priority == Priority::High {
            urgent.push(ticket);
        } else {
            rest.push(ticket);
        }
    }
    (urgent, rest)
}

// Moves every ticket of `extra` to the end of `queue` and returns the queue.
// `mut` belongs to this function's own binding, not to the caller's.
fn merge(mut queue: Vec<Ticket>, extra: Vec<Ticket>) -> Vec<Ticket> {
    queue.extend(extra);
    queue
}

// Takes the first ticket off the queue. Returns it (None if the queue is
// empty) together with the rest of the queue.
fn pop_front(mut queue: Vec<Ticket>) -> (Option<Ticket>, Vec<Ticket>) {
    if queue.is_empty() {
        return (None, queue);
    }
    // `remove` moves the element out of the Vec we own; `queue[0]` could not.
    let first = queue.remove(0);
    (Some(first), queue)
}

// Consumes the tickets and keeps only their titles, in order.
fn into_titles(tickets: Vec<Ticket>) -> Vec<String> {
    let mut titles = Vec::new();
    for ticket in tickets {
        // A partial move: the title leaves, the rest of the ticket is dropped.
        titles.push(ticket.title);
    }
    titles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(id: u32, title: &str, priority: Priority) -> Ticket {
        Ticket {
            id,
            title: title.to_string(),
            priority,
        }
    }

    fn ids(queue: &[Ticket]) -> Vec<u32> {
        queue.iter().map(|t| t.id).collect()
    }

    #[test]
    fn triage_splits_and_keeps_the_order() {
        let inbox = vec![
            ticket(1, "typo on home page", Priority::Low),
            ticket(2, "checkout is down", Priority::High),
            ticket(3, "dark mode request", Priority::Low),
            ticket(4, "login loops", Priority::High),
        ];
        let (urgent, rest) = triage(inbox);
        assert_eq!(ids(&urgent), [2, 4]);
        assert_eq!(ids(&rest), [1, 3]);
        assert_eq!(urgent[0].title, "checkout is down");
    }

    #[test]
    fn triage_of_an_empty_inbox() {
        let (urgent, rest) = triage(Vec::new());
        assert!(urgent.is_empty() && rest.is_empty());
    }

    #[test]
    fn merge_appends_in_order() {
        let queue = vec![ticket(1, "a", Priority::Low), ticket(2, "b", Priority::Low)];
        let extra = vec![ticket(3, "c", Priority::High)];
        assert_eq!(ids(&merge(queue, extra)), [1, 2, 3]);
        let only = merge(Vec::new(), vec![ticket(9, "z", Priority::Low)]);
        assert_eq!(ids(&only), [9]);
    }

    #[test]
    fn pop_front_hands_out_tickets_one_by_one() {
        let queue = vec![
            ticket(5, "disk full", Priority::High),
            ticket(6, "slow search", Priority::Low),
        ];
        let (first, queue) = pop_front(queue);
        assert_eq!(first, Some(ticket(5, "disk full", Priority::High)));
        let (second, queue) = pop_front(queue);
        assert_eq!(second.map(|t| t.id), Some(6));
        let (none, queue) = pop_front(queue);
        assert_eq!(none, None);
        assert!(queue.is_empty());
    }

    #[test]
    fn into_titles_keeps_the_strings() {
        let done = vec![
            ticket(7, "reset password", Priority::Low),
            ticket(8, "refund", Priority::High),
        ];
        assert_eq!(into_titles(done), ["reset password", "refund"]);
        assert!(into_titles(Vec::new()).is_empty());
    }
}
