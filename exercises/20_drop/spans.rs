// Step 20: drop, exercise 2 of 3
//
// A request handler traces its work with spans: `Span::enter` prints
// "enter NAME", and dropping the span prints "exit NAME". A `Connection`
// owns a `Socket` and an outgoing `Buffer`; dropping the buffer flushes it,
// which only works while the socket is still open.
//
// As shipped the program runs, but the trace comes out in the wrong order.
// Your job: fix the two TODOs (without adding any `drop` calls) so the
// program prints exactly:
//
//   enter handle
//   enter parse
//   parsing request
//   exit parse
//   enter write
//   writing 12 bytes to 8080
//   exit write
//   exit handle
//   flush 12 bytes
//   socket 8080 closed

struct Span(&'static str);

impl Span {
    fn enter(name: &'static str) -> Span {
        println!("enter {name}");
        Span(name)
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        println!("exit {}", self.0);
    }
}

struct Socket(u16);

impl Drop for Socket {
    fn drop(&mut self) {
        println!("socket {} closed", self.0);
    }
}

struct Buffer(usize);

impl Drop for Buffer {
    fn drop(&mut self) {
        println!("flush {} bytes", self.0);
    }
}

// TODO 2: the buffer must be flushed while the socket is still open, but
// the socket is closed first.
struct Connection {
    socket: Socket,
    buffer: Buffer,
}

fn handle(conn: Connection) {
    // TODO 1: this span should stay open until the function ends, but it
    // exits the moment it is entered.
    let _ = Span::enter("handle");
    {
        let _parse = Span::enter("parse");
        println!("parsing request");
    }
    let _write = Span::enter("write");
    println!("writing {} bytes to {}", conn.buffer.0, conn.socket.0);
}

fn main() {
    let conn = Connection { socket: Socket(8080), buffer: Buffer(12) };
    handle(conn);
}
