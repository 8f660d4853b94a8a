//! The store's tests: round trips, damage, unusable files, newer formats,
//! old formats, counts under concurrent updates.

use super::*;
use chrono::Timelike;

use crate::progress::Review;

/// A course with two steps: `one` (one exercise) and `two` (exercises a, b).
fn course(dir: &Path) -> Course {
    for f in ["one.rs", "a.rs", "b.rs"] {
        std::fs::create_dir_all(dir.join("exercises")).unwrap();
        std::fs::write(dir.join("exercises").join(f), "fn main() {}\n").unwrap();
    }
    let info = "format_version = 1\n[course]\ntitle = \"T\"\n\
        [[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nmode = \"run\"\n\
        [[steps]]\nname = \"two\"\ntitle = \"Two\"\ntopic = \"t\"\nlevel = \"beginner\"\n\
        [[steps.exercises]]\npath = \"exercises/a.rs\"\nmode = \"run\"\n\
        [[steps.exercises]]\npath = \"exercises/b.rs\"\nmode = \"run\"\n";
    std::fs::write(dir.join("info.toml"), info).unwrap();
    Course::load(dir).unwrap()
}

fn progress_path(dir: &Path) -> PathBuf {
    files::learn_dir(dir).join(PROGRESS_FILE)
}

fn schedule_path(dir: &Path) -> PathBuf {
    files::learn_dir(dir).join(CARDS_FILE)
}

fn write(dir: &Path, text: &[u8]) {
    let path = progress_path(dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_missing_file_is_a_new_learner() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let mut store = Store::open(&c);
    assert_eq!(store.progress, Progress::default());
    assert!(store.take_notices().is_empty());
    assert!(store.read_only().is_none());
}

#[test]
fn an_update_round_trips_with_one_line_per_card() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let mut store = Store::open(&c);
    let now = chrono::Utc::now();
    store
        .update(&c, |p, _| {
            p.current = Some("two".into());
            p.exercise_mut(&c.steps[1], 1).attempts = 3;
            p.cards.insert(
                "one.mcq.0".into(),
                crate::progress::Card {
                    due: now,
                    stability: 1.5,
                    difficulty: 5.0,
                    reps: 1,
                    lapses: 0,
                    state: crate::progress::MemoryState::Learning,
                    last_review: now,
                    elapsed_days: 0,
                    scheduled_days: 0,
                },
            );
        })
        .unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.starts_with("# learn progress file"), "{text}");
    assert!(text.contains("version = 2\n"), "{text}");
    assert!(
        text.contains("[steps.two.exercises.b]\nattempts = 3\n"),
        "{text}"
    );
    assert!(
        !text.contains("one.mcq.0"),
        "cards have their own file: {text}"
    );
    let schedule = std::fs::read_to_string(schedule_path(dir.path())).unwrap();
    let card = schedule
        .lines()
        .find(|l| l.starts_with("one.mcq.0 "))
        .unwrap();
    assert!(card.contains(" 1.5 5 1 0 learning "), "{schedule}");
    let again = Store::open(&c);
    // Times are kept to the second.
    let mut expected = store.progress.clone();
    for card in expected.cards.values_mut() {
        card.due = card.due.with_nanosecond(0).unwrap();
        card.last_review = card.last_review.with_nanosecond(0).unwrap();
    }
    assert_eq!(again.progress, expected);

    // A save that changes no card leaves the schedule as it is.
    let before = std::fs::metadata(schedule_path(dir.path())).unwrap();
    let mut store = again;
    store
        .update(&c, |p, _| p.current = Some("one".into()))
        .unwrap();
    let after = std::fs::metadata(schedule_path(dir.path())).unwrap();
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
}

#[test]
fn a_damaged_file_is_moved_aside_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let damaged = "current = \"one\"\n[steps.one]\nquestions_done = maybe\n";
    write(dir.path(), damaged.as_bytes());
    let mut store = Store::open(&c);
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("line 3"), "{}", notices[0]);
    assert!(notices[0].contains("progress.toml.bak"), "{}", notices[0]);
    assert_eq!(store.progress, Progress::default());
    let backup = files::learn_dir(dir.path()).join("progress.toml.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), damaged);

    // A second damaged file does not overwrite the first backup.
    write(dir.path(), b"garbage = [");
    let mut store = Store::open(&c);
    assert!(store.take_notices()[0].contains("progress.toml.bak2"));
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), damaged);
}

#[test]
fn a_file_damaged_while_learn_runs_is_replaced_by_what_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let mut store = Store::open(&c);
    store
        .update(&c, |p, _| p.current = Some("one".into()))
        .unwrap();
    write(dir.path(), b"x [[[");
    store.update(&c, |_, _| ()).unwrap();
    let notice = store.take_notices().remove(0);
    assert!(notice.contains("progress.toml.bak"), "{notice}");
    assert!(
        notice.contains("the progress this learn read before is saved in its place"),
        "{notice}"
    );
    assert!(!notice.contains("starts without it"), "{notice}");
    let saved = std::fs::read_to_string(progress_path(dir.path())).unwrap();
    assert!(saved.contains("current = \"one\""), "{saved}");
}

#[test]
fn a_file_that_is_not_utf8_is_damage_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    write(dir.path(), b"current = \"\xff\"\n");
    let mut store = Store::open(&c);
    let notice = store.take_notices().remove(0);
    assert!(notice.contains("line 1: it is not UTF-8 text"), "{notice}");
    assert!(store.read_only().is_none());
    store
        .update(&c, |p, _| p.current = Some("one".into()))
        .unwrap();
    assert!(
        files::learn_dir(dir.path())
            .join("progress.toml.bak")
            .exists()
    );
}

#[test]
fn a_path_that_is_not_a_file_leaves_the_progress_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    // progress.toml as a folder.
    std::fs::create_dir_all(progress_path(dir.path())).unwrap();
    let mut store = Store::open(&c);
    let notice = store.take_notices().remove(0);
    assert!(
        notice.contains("cannot be read (it is not a regular file)"),
        "{notice}"
    );
    let e = store.update(&c, |_, _| ()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("cannot save progress: the progress file"),
        "{e}"
    );

    // .learn as a file.
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    std::fs::write(files::learn_dir(dir.path()), "oops").unwrap();
    let mut store = Store::open(&c);
    assert!(store.read_only().is_some());
    assert_eq!(store.take_notices().len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    std::fs::create_dir_all(files::learn_dir(dir.path())).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(progress_path(dir.path()))
        .status()
        .unwrap();
    assert!(made.success());
    let store = Store::open(&c);
    assert!(store.read_only().unwrap().contains("not a regular file"));
}

#[test]
fn fields_of_a_newer_learn_are_kept_and_a_newer_format_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    write(
        dir.path(),
        b"version = 2\nstreak = 3\n[steps.one]\nquestions_done = true\nmood = \"good\"\n",
    );
    let mut store = Store::open(&c);
    assert!(store.take_notices().is_empty());
    store
        .update(&c, |p, _| p.current = Some("two".into()))
        .unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("streak = 3"), "{text}");
    assert!(text.contains("mood = \"good\""), "{text}");

    write(dir.path(), b"version = 3\ncurrent = \"two\"\n");
    let mut store = Store::open(&c);
    assert_eq!(store.progress.current.as_deref(), Some("two"));
    assert!(store.take_notices()[0].contains("written by a newer learn (format 3"));
    assert!(store.update(&c, |_, _| ()).is_err());
    assert_eq!(
        std::fs::read_to_string(progress_path(dir.path())).unwrap(),
        "version = 3\ncurrent = \"two\"\n"
    );
}

#[test]
fn a_file_from_before_format_2_is_adopted() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    write(
        dir.path(),
        b"current = \"two\"\n[steps.one]\nexercise_passed = true\nquestions_done = true\nhints_used = 2\nattempts = 5\nresets = 1\n\
          [steps.two]\nattempts = 1\n\
          [[reviews]]\nat = \"2026-11-25T14:03:07Z\"\nquestion = \"one.mcq.0\"\nrating = 3\n",
    );
    let mut store = Store::open(&c);
    assert!(store.take_notices().is_empty());
    let one = store.progress.exercise(&c.steps[0], 0);
    assert!(
        one.passed && one.hints_used == 2 && one.attempts == 5,
        "{one:?}"
    );
    assert!(store.progress.is_done(&c.steps[0]));
    // A step's old fields go to its first exercise.
    assert_eq!(store.progress.exercise(&c.steps[1], 0).attempts, 1);
    assert_eq!(store.reviews().unwrap().len(), 1);
    // The first save moves the answers to the log and writes format 2.
    store.update(&c, |_, _| ()).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(
        !text.contains("reviews") && !text.contains("resets"),
        "{text}"
    );
    assert!(
        text.contains("[steps.one.exercises.one]\npassed = true"),
        "{text}"
    );
    let log = std::fs::read_to_string(files::learn_dir(dir.path()).join(LOG_FILE)).unwrap();
    assert!(log.contains("2026-11-25T14:03:07Z one.mcq.0 3\n"), "{log}");
    assert_eq!(store.reviews().unwrap().len(), 1);
}

#[test]
fn updates_from_two_processes_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let mut a = Store::open(&c);
    let mut b = Store::open(&c);
    for _ in 0..5 {
        a.update(&c, |p, _| p.exercise_mut(&c.steps[0], 0).attempts += 1)
            .unwrap();
        b.update(&c, |p, log| {
            p.exercise_mut(&c.steps[0], 0).attempts += 1;
            log.push(Review {
                at: chrono::Utc::now(),
                question: "one.mcq.0".into(),
                rating: 3,
                picked: Some("a".into()),
            });
        })
        .unwrap();
    }
    let disk = Store::open(&c);
    assert_eq!(disk.progress.exercise(&c.steps[0], 0).attempts, 10);
    assert_eq!(disk.reviews().unwrap().len(), 5);
}

#[test]
fn a_file_damaged_meanwhile_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let mut watch = Store::open(&c);
    watch
        .update(&c, |p, _| p.current = Some("one".into()))
        .unwrap();
    std::fs::write(watch.path(), "current = \"half-typed\n").unwrap();
    watch
        .update(&c, |p, _| p.exercise_mut(&c.steps[0], 0).attempts = 1)
        .unwrap();
    let backup = files::learn_dir(dir.path()).join("progress.toml.bak");
    assert_eq!(
        std::fs::read_to_string(backup).unwrap(),
        "current = \"half-typed\n"
    );
    assert_eq!(watch.take_notices().len(), 1);
    let disk = Store::open(&c);
    assert_eq!(disk.progress.exercise(&c.steps[0], 0).attempts, 1);
    assert_eq!(disk.progress.current.as_deref(), Some("one"));
}

#[test]
fn temporaries_of_killed_writers_go_and_are_ignored_by_git() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let learn = files::learn_dir(dir.path());
    std::fs::create_dir_all(&learn).unwrap();
    std::fs::write(learn.join(".learn-tmp-x1"), "half").unwrap();
    Store::open(&c).update(&c, |_, _| ()).unwrap();
    assert!(!learn.join(".learn-tmp-x1").exists());
    let ignore = std::fs::read_to_string(learn.join(".gitignore")).unwrap();
    assert!(ignore.contains(".learn-tmp-*"), "{ignore}");
}

#[test]
fn out_of_range_values_are_ignored_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    write(
        dir.path(),
        b"[steps.one]\nconfidence = 200\n[steps.one.exercises.one]\nattempts = 4294967295\n",
    );
    let mut store = Store::open(&c);
    let notices = store.take_notices();
    assert!(
        notices[0].contains("confidence = 200 is not a rating"),
        "{notices:?}"
    );
    assert_eq!(store.progress.step("one").unwrap().confidence, None);
    store
        .update(&c, |p, _| {
            let e = p.exercise_mut(&c.steps[0], 0);
            e.attempts = e.attempts.saturating_add(1);
        })
        .unwrap();
    assert_eq!(store.progress.exercise(&c.steps[0], 0).attempts, u32::MAX);
}

#[test]
fn read_file_reads_a_learners_files_without_touching_them() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let other = dir.path().join("ann");
    std::fs::create_dir_all(&other).unwrap();
    let path = other.join(PROGRESS_FILE);
    let text = "[steps.one]\nexercise_passed = true\nattempts = 2\n\
        [[reviews]]\nat = \"2026-11-25T14:03:07Z\"\nquestion = \"one.mcq.0\"\nrating = 1\n";
    std::fs::write(&path, text).unwrap();
    // Without a log: the answers the file holds.
    let (p, reviews) = read_file(&path, &c).unwrap();
    assert_eq!(p.exercise(&c.steps[0], 0).attempts, 2, "adopted");
    assert_eq!(reviews.len(), 1);
    assert!(p.reviews.is_empty(), "the answers are returned once");
    // The log beside it follows the file's own answers.
    let log = "# comment\n2026-11-26T10:00:00Z one.mcq.0 3 a\nbroken line\n";
    std::fs::write(other.join(LOG_FILE), log).unwrap();
    let (_, reviews) = read_file(&path, &c).unwrap();
    let ratings: Vec<u8> = reviews.iter().map(|r| r.rating).collect();
    assert_eq!(ratings, [1, 3]);
    assert_eq!(reviews[1].picked.as_deref(), Some("a"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "never written"
    );

    std::fs::write(&path, "[steps.one]\nattempts = 2\nattempts = 3\n").unwrap();
    let e = read_file(&path, &c).unwrap_err().to_string();
    assert!(e.starts_with("line 3: "), "{e}");
    assert!(path.exists(), "damage is not moved aside");
    let e = read_file(&other.join("none.toml"), &c).unwrap_err();
    assert_eq!(e.to_string(), "no such file");
    let e = read_file(&other, &c).unwrap_err();
    assert!(e.to_string().contains("not a regular file"), "{e}");
}

fn card_line(id: &str, reps: i32, last: &str) -> String {
    format!("{id} 2026-12-09T10:00:00Z 2.5 5 {reps} 0 review {last} 1 8\n")
}

#[test]
fn cards_in_a_progress_file_from_before_the_schedule_move_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    write(
        dir.path(),
        b"version = 2\n[cards]\n\"one.mcq.0\" = { due = \"2026-12-01T00:00:00Z\", stability = 1.0, difficulty = 5.0, reps = 1, lapses = 0, state = \"learning\", last_review = \"2026-11-30T00:00:00Z\" }\n\
          \"one.trace.0\" = { due = \"2026-12-01T00:00:00Z\", stability = 1.0, difficulty = 5.0, reps = 1, lapses = 0, state = \"learning\", last_review = \"2026-11-01T00:00:00Z\" }\n",
    );
    // The schedule knows a later review of one of them.
    std::fs::write(
        schedule_path(dir.path()),
        card_line("one.trace.0", 4, "2026-11-20T00:00:00Z"),
    )
    .unwrap();
    let mut store = Store::open(&c);
    assert!(store.take_notices().is_empty());
    assert_eq!(store.progress.cards["one.mcq.0"].reps, 1);
    assert_eq!(
        store.progress.cards["one.trace.0"].reps, 4,
        "the later review"
    );

    store.update(&c, |_, _| ()).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(!text.contains("cards"), "{text}");
    let schedule = std::fs::read_to_string(schedule_path(dir.path())).unwrap();
    assert!(schedule.starts_with("# learn review schedule, format 1"));
    let ids: Vec<&str> = schedule
        .lines()
        .skip(1)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(ids, ["one.mcq.0", "one.trace.0"]);
    assert_eq!(Store::open(&c).progress.cards, store.progress.cards);
}

#[test]
fn a_damaged_schedule_keeps_its_readable_lines_and_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    std::fs::create_dir_all(files::learn_dir(dir.path())).unwrap();
    let damaged = format!(
        "{}one.trace.0 2026-12-09T10:0\n",
        card_line("one.mcq.0", 2, "2026-11-20T00:00:00Z")
    );
    std::fs::write(schedule_path(dir.path()), &damaged).unwrap();
    let mut store = Store::open(&c);
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("damaged (line 2)"), "{}", notices[0]);
    assert!(notices[0].contains("schedule.txt.bak"), "{}", notices[0]);
    assert!(store.read_only().is_none());
    assert_eq!(
        store.progress.cards.keys().collect::<Vec<_>>(),
        ["one.mcq.0"]
    );
    let backup = files::learn_dir(dir.path()).join("schedule.txt.bak");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), damaged);
    // Repaired once: the next command has nothing to say.
    let mut again = Store::open(&c);
    assert!(again.take_notices().is_empty());
    assert_eq!(again.progress.cards, store.progress.cards);
}

#[test]
fn a_schedule_from_a_newer_learn_or_not_a_file_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    std::fs::create_dir_all(files::learn_dir(dir.path())).unwrap();
    let newer = "# learn review schedule, format 2: other fields\none.mcq.0 x\n";
    std::fs::write(schedule_path(dir.path()), newer).unwrap();
    let mut store = Store::open(&c);
    assert!(
        store.take_notices()[0].contains("written by a newer learn (format 2"),
        "newer"
    );
    assert!(store.update(&c, |_, _| ()).is_err());
    assert_eq!(
        std::fs::read_to_string(schedule_path(dir.path())).unwrap(),
        newer
    );

    std::fs::remove_file(schedule_path(dir.path())).unwrap();
    std::fs::create_dir(schedule_path(dir.path())).unwrap();
    let mut store = Store::open(&c);
    assert!(store.take_notices()[0].contains("cannot be read (it is not a regular file)"));
    assert!(store.update(&c, |_, _| ()).is_err());
}

#[test]
fn cards_and_counts_from_two_processes_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path());
    let mut quiz = Store::open(&c);
    let mut watch = Store::open(&c);
    let card = |reps| crate::progress::Card {
        due: chrono::Utc::now(),
        stability: 1.0,
        difficulty: 5.0,
        reps,
        lapses: 0,
        state: crate::progress::MemoryState::Review,
        last_review: chrono::Utc::now(),
        elapsed_days: 0,
        scheduled_days: 0,
    };
    quiz.update(&c, |p, _| {
        p.cards.insert("one.mcq.0".into(), card(1));
    })
    .unwrap();
    watch
        .update(&c, |p, _| {
            p.cards.insert("two.mcq.0".into(), card(1));
            p.exercise_mut(&c.steps[0], 0).attempts += 1;
        })
        .unwrap();
    quiz.update(&c, |p, _| {
        p.cards.get_mut("one.mcq.0").unwrap().reps = 2;
    })
    .unwrap();
    let disk = Store::open(&c);
    assert_eq!(disk.progress.cards.len(), 2);
    assert_eq!(disk.progress.cards["one.mcq.0"].reps, 2);
    assert_eq!(disk.progress.exercise(&c.steps[0], 0).attempts, 1);
}
