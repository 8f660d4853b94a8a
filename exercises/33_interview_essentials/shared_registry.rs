// Step 33, exercise 2: two review findings the compiler makes for you
//
// `Registry` holds service settings behind a Mutex, so request threads can
// read them while an admin thread updates them. `check_all` validates the
// port of every service on its own thread and returns one result per service,
// in the order given.
//
// It does not compile: rustc points at two places (E0515 and E0277). Fix both
// TODOs without changing the tests.

use std::collections::HashMap;
use std::error::Error;
use std::sync::{Arc, Mutex};
use std::thread;

// TODO: the checker threads cannot hand this error type back to the thread
// that joins them.
type CheckError = Box<dyn Error>;

struct Registry {
    settings: Mutex<HashMap<String, String>>,
}

impl Registry {
    fn new() -> Self {
        Registry {
            settings: Mutex::new(HashMap::new()),
        }
    }

    fn set(&self, key: &str, value: &str) {
        let mut settings = self.settings.lock().unwrap();
        settings.insert(key.to_string(), value.to_string());
    }

    // TODO: the value is only protected while the lock is held, but this
    // hands out a reference that outlives the lock.
    fn get(&self, key: &str) -> Option<&str> {
        self.settings.lock().unwrap().get(key).map(|v| v.as_str())
    }
}

fn check_port(registry: &Registry, service: &str) -> Result<u16, CheckError> {
    let key = format!("{service}.port");
    let raw = registry.get(&key).ok_or(format!("{key} is missing"))?;
    let port: u16 = raw.trim().parse()?;
    if port < 1024 {
        return Err(format!("{key}: {port} needs root").into());
    }
    Ok(port)
}

fn check_all(registry: &Arc<Registry>, services: &[&str]) -> Vec<Result<u16, CheckError>> {
    let handles: Vec<_> = services
        .iter()
        .map(|service| {
            let registry = Arc::clone(registry);
            let service = service.to_string();
            thread::spawn(move || check_port(&registry, &service))
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a checker thread panicked"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Arc<Registry> {
        let registry = Registry::new();
        registry.set("api.port", "8080");
        registry.set("db.port", " 5432 ");
        registry.set("mail.port", "25");
        registry.set("cache.port", "sixty");
        Arc::new(registry)
    }

    #[test]
    fn get_returns_the_current_value() {
        let registry = registry();
        assert_eq!(registry.get("api.port").as_deref(), Some("8080"));
        registry.set("api.port", "9090");
        assert_eq!(registry.get("api.port").as_deref(), Some("9090"));
        assert_eq!(registry.get("web.port"), None);
    }

    #[test]
    fn every_service_is_checked_on_its_own_thread() {
        let services = ["api", "db", "mail", "cache", "web"];
        let results = check_all(&registry(), &services);
        let shown: Vec<String> = results
            .iter()
            .map(|r| match r {
                Ok(port) => format!("ok {port}"),
                Err(e) => format!("error: {e}"),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "ok 8080",
                "ok 5432",
                "error: mail.port: 25 needs root",
                "error: invalid digit found in string",
                "error: web.port is missing",
            ]
        );
    }
}
