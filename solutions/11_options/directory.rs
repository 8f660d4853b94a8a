// Exercise: directory
//
// A staff directory. An employee may have a manager (an index into
// `staff`) and may have an email address, so almost every question about
// an employee can come up empty. Write the methods of `Directory` that
// have no body yet, with `?` and Option's methods, without unwrap or
// expect; the tests at the bottom are the spec.

struct Employee {
    name: String,
    manager: Option<usize>, // index into `Directory::staff`
    email: Option<String>,
}

struct Directory {
    staff: Vec<Employee>,
}

impl Directory {
    /// The employee with exactly this name (given: a linear search).
    fn find(&self, name: &str) -> Option<&Employee> {
        self.staff.iter().find(|e| e.name == name)
    }

    /// The same, for changing the employee (given).
    fn find_mut(&mut self, name: &str) -> Option<&mut Employee> {
        self.staff.iter_mut().find(|e| e.name == name)
    }

    /// The name of this employee's manager. None for an unknown employee,
    /// one without a manager, or a manager index that points nowhere.
    fn manager_of(&self, name: &str) -> Option<&str> {
        let index = self.find(name)?.manager?;
        self.staff.get(index).map(|m| m.name.as_str())
    }

    /// The manager's manager.
    fn skip_level(&self, name: &str) -> Option<&str> {
        self.manager_of(self.manager_of(name)?)
    }

    /// Where mail for this employee goes: their own address, or else their
    /// direct manager's address.
    fn contact(&self, name: &str) -> Option<&str> {
        let own = self.find(name)?.email.as_deref();
        own.or_else(|| self.find(self.manager_of(name)?)?.email.as_deref())
    }

    /// The domain of the contact address: "corp.example" for
    /// "ada@corp.example". None without a contact address or without '@'.
    fn mail_domain(&self, name: &str) -> Option<&str> {
        let (_, domain) = self.contact(name)?.split_once('@')?;
        Some(domain)
    }

    /// Gives the employee a new address and returns the previous one, if
    /// they had one. An unknown name changes nothing and returns None.
    fn set_email(&mut self, name: &str, email: &str) -> Option<String> {
        self.find_mut(name)?.email.replace(email.to_string())
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, manager: Option<usize>, email: Option<&str>) -> Employee {
        let (name, email) = (name.to_string(), email.map(String::from));
        Employee { name, manager, email }
    }

    fn sample() -> Directory {
        let staff = vec![
            person("ada", None, Some("ada@corp.example")),
            person("ben", Some(0), Some("ben@lab.example")),
            person("cy", Some(1), None),
            person("dee", Some(2), None),
            person("eve", Some(9), Some("eve-at-home")),
        ];
        Directory { staff }
    }

    #[test]
    fn finding_people() {
        let dir = sample();
        assert_eq!(dir.find("cy").map(|e| e.manager), Some(Some(1)));
        assert!(dir.find("zed").is_none());
    }

    #[test]
    fn managers() {
        let dir = sample();
        assert_eq!(dir.manager_of("ben"), Some("ada"));
        assert_eq!(dir.manager_of("ada"), None);
        assert_eq!(dir.manager_of("eve"), None);
        assert_eq!(dir.manager_of("zed"), None);
        assert_eq!(dir.skip_level("cy"), Some("ada"));
        assert_eq!(dir.skip_level("dee"), Some("ben"));
        assert_eq!(dir.skip_level("ben"), None);
    }

    #[test]
    fn contacts_fall_back_to_the_manager() {
        let dir = sample();
        assert_eq!(dir.contact("ada"), Some("ada@corp.example"));
        assert_eq!(dir.contact("cy"), Some("ben@lab.example"));
        assert_eq!(dir.contact("dee"), None);
        assert_eq!(dir.contact("zed"), None);
    }

    #[test]
    fn mail_domains() {
        let dir = sample();
        assert_eq!(dir.mail_domain("ada"), Some("corp.example"));
        assert_eq!(dir.mail_domain("cy"), Some("lab.example"));
        assert_eq!(dir.mail_domain("eve"), None);
        assert_eq!(dir.mail_domain("dee"), None);
    }

    #[test]
    fn changing_an_address() {
        let mut dir = sample();
        assert_eq!(dir.set_email("cy", "cy@lab.example"), None);
        assert_eq!(dir.contact("cy"), Some("cy@lab.example"));
        let old = dir.set_email("ada", "ada@hq.example");
        assert_eq!(old.as_deref(), Some("ada@corp.example"));
        assert_eq!(dir.set_email("zed", "zed@corp.example"), None);
        assert_eq!(dir.staff.len(), 5);
    }
}
