// Step 15: async methods behind `dyn`
//
// A config service asks several sources for a setting, in order: the
// process environment first, then built-in defaults. The sources are kept
// as `Vec<Box<dyn Source>>`, so the list can be built at run time.
//
// As shipped this does not compile: `Source` has an `async fn`, and a trait
// with an `async fn` is not dyn compatible (E0038). Each impl's `async fn`
// returns its own anonymous future type, with its own size, so no single
// vtable entry can describe "the" return type.
//
// Your job: keep `lookup` asynchronous, but give it a return type that a
// vtable can hold. Change the trait and both impls; `Config`, `block_on` and
// the tests stay as they are.

use std::collections::HashMap;
use std::future::Future;
use std::task::{Context, Poll, Waker};

trait Source {
    fn name(&self) -> &str;
    // TODO: with this method, `dyn Source` cannot be formed anywhere below.
    async fn lookup(&self, key: &str) -> Option<String>;
}

struct Defaults {
    values: HashMap<&'static str, &'static str>,
}

/// Stands in for the process environment: `APP_PORT=8080` and so on.
struct Env {
    prefix: String,
    vars: Vec<(String, String)>,
}

impl Source for Defaults {
    fn name(&self) -> &str {
        "defaults"
    }
    async fn lookup(&self, key: &str) -> Option<String> {
        self.values.get(key).map(|v| v.to_string())
    }
}

impl Source for Env {
    fn name(&self) -> &str {
        "env"
    }
    async fn lookup(&self, key: &str) -> Option<String> {
        let wanted = format!("{}{}", self.prefix, key.to_uppercase());
        self.vars.iter().find(|(name, _)| *name == wanted).map(|(_, value)| value.clone())
    }
}

struct Config {
    sources: Vec<Box<dyn Source>>,
}

impl Config {
    /// The first source that knows `key`, and the value it gave.
    async fn get(&self, key: &str) -> Option<(String, String)> {
        for source in &self.sources {
            if let Some(value) = source.lookup(key).await {
                return Some((source.name().to_string(), value));
            }
        }
        None
    }
}

/// Runs a future that never has to wait. A real program would use an
/// executor such as tokio; std alone is enough for this exercise.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("these sources never wait"),
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let env = Env {
            prefix: "APP_".to_string(),
            vars: vec![("APP_PORT".to_string(), "9090".to_string())],
        };
        let defaults =
            Defaults { values: HashMap::from([("port", "8080"), ("host", "localhost")]) };
        Config { sources: vec![Box::new(env), Box::new(defaults)] }
    }

    #[test]
    fn earlier_sources_win() {
        let found = block_on(config().get("port"));
        assert_eq!(found, Some(("env".to_string(), "9090".to_string())));
    }

    #[test]
    fn falls_back_to_later_sources() {
        let found = block_on(config().get("host"));
        assert_eq!(found, Some(("defaults".to_string(), "localhost".to_string())));
        assert_eq!(block_on(config().get("timeout")), None);
    }

    #[test]
    fn sources_can_be_called_directly() {
        let cfg = config();
        let names: Vec<&str> = cfg.sources.iter().map(|s| s.name()).collect();
        assert_eq!(names, ["env", "defaults"]);
        assert_eq!(block_on(cfg.sources[1].lookup("port")), Some("8080".to_string()));
    }
}
