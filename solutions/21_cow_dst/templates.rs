// Exercise: templates
//
// Write two functions for a notification service. Both return a `Cow`,
// so the common case costs no allocation.
//
// `render(template, vars)` replaces every `{name}` placeholder whose name
// appears in `vars` with its value. A placeholder with an unknown name is
// left exactly as written, braces included, and so is a '{' with no '}'
// after it. When NOTHING gets replaced, the result borrows the template.
// The result borrows only from the template, never from `vars`.
//
// `reason(code)` gives the text for an HTTP status code: 200 "OK",
// 404 "Not Found", 503 "Service Unavailable" as borrowed `'static` text;
// any other code is formatted as "HTTP <code>".
//
// The tests are the spec; do not edit them.

use std::borrow::Cow;

fn render<'a>(template: &'a str, vars: &[(&str, &str)]) -> Cow<'a, str> {
    // Allocated at the first replacement; `template[..copied]` is already in it.
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(open) = template[pos..].find('{').map(|i| pos + i) {
        let Some(close) = template[open..].find('}').map(|i| open + i) else {
            break;
        };
        let name = &template[open + 1..close];
        if let Some((_, value)) = vars.iter().find(|(key, _)| *key == name) {
            let buf = out.get_or_insert_with(|| String::with_capacity(template.len()));
            buf.push_str(&template[copied..open]);
            buf.push_str(value);
            copied = close + 1;
        }
        pos = close + 1;
    }
    match out {
        None => Cow::Borrowed(template),
        Some(mut buf) => {
            buf.push_str(&template[copied..]);
            Cow::Owned(buf)
        }
    }
}

fn reason(code: u16) -> Cow<'static, str> {
    match code {
        200 => Cow::Borrowed("OK"),
        404 => Cow::Borrowed("Not Found"),
        503 => Cow::Borrowed("Service Unavailable"),
        other => Cow::Owned(format!("HTTP {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        let out = render("Your order has shipped.", &[("name", "Ada")]);
        assert_eq!(out, "Your order has shipped.");
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn placeholders_are_filled() {
        let vars = [("name", "Ada"), ("order", "1042")];
        let out = render("Hi {name}, order #{order} shipped. Bye {name}!", &vars);
        assert_eq!(out, "Hi Ada, order #1042 shipped. Bye Ada!");
        assert!(matches!(out, Cow::Owned(_)));
    }

    #[test]
    fn unknown_names_and_lone_braces_stay() {
        let vars = [("name", "Ada")];
        assert_eq!(render("{greeting}, {name}!", &vars), "{greeting}, Ada!");
        assert_eq!(render("{name} paid {total", &vars), "Ada paid {total");
        assert_eq!(render("{}{name}", &vars), "{}Ada");
    }

    #[test]
    fn nothing_replaced_means_borrowed() {
        let out = render("Dear {title} {surname}, {oops", &[("name", "Ada")]);
        assert_eq!(out, "Dear {title} {surname}, {oops");
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn the_result_outlives_the_variables() {
        let template = String::from("Hello {who}");
        let rendered;
        {
            let who = String::from("world");
            let vars = [("who", who.as_str())];
            rendered = render(&template, &vars);
        }
        assert_eq!(rendered, "Hello world");
    }

    #[test]
    fn known_reasons_are_static_text() {
        for (code, text) in [
            (200, "OK"),
            (404, "Not Found"),
            (503, "Service Unavailable"),
        ] {
            let r = reason(code);
            assert_eq!(r, text);
            assert!(matches!(r, Cow::Borrowed(_)), "{code} should not allocate");
        }
    }

    #[test]
    fn other_codes_are_formatted() {
        let r = reason(418);
        assert_eq!(r, "HTTP 418");
        assert!(matches!(r, Cow::Owned(_)));
    }
}
