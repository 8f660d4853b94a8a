//! Finding the compiler: `RUSTC` or rustc on PATH, then the real compiler
//! behind the rustup proxy, resolved once.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

pub(super) const NO_RUSTC: &str = "rustc was not found. Install Rust with rustup (https://rustup.rs), \
open a new terminal so it is on your PATH, or set RUSTC to the compiler's path.";

/// The real compiler behind the rustup proxy, resolved once.
#[derive(Debug, Clone)]
pub struct Toolchain {
    pub rustc: PathBuf,
    pub sysroot: PathBuf,
    /// `<sysroot>/lib/rustlib/<host>/lib`, where the dynamic std lives.
    pub libdir: PathBuf,
    /// Changes whenever the compiler does (path, size and mtime of the real rustc).
    identity: String,
}

/// What a rustc prints for some arguments, or an error that says how to fix it.
fn ask(rustc: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(rustc)
        .args(args)
        .output()
        .with_context(|| format!("cannot run {}. {NO_RUSTC}", rustc.display()))?;
    if !out.status.success() {
        bail!(
            "`{} {}` failed: {}\n{NO_RUSTC}",
            rustc.display(),
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Toolchain {
    /// `RUSTC`, else `rustc` on PATH; then skip the rustup proxy.
    pub fn find() -> Result<Toolchain> {
        let proxy = match std::env::var_os("RUSTC") {
            Some(p) if !p.is_empty() => which::which(&p).map_err(|_| {
                anyhow::anyhow!(
                    "RUSTC={} is not an executable rustc: point RUSTC at the compiler, or unset it to use the rustc on your PATH",
                    p.to_string_lossy()
                )
            })?,
            _ => which::which("rustc").context(NO_RUSTC)?,
        };
        let (sysroot, host) = match ask(&proxy, &["--print", "sysroot", "--print", "host-tuple"]) {
            Ok(text) => {
                let mut lines = text.lines().map(str::trim);
                match (lines.next(), lines.next()) {
                    (Some(s), Some(h)) if !s.is_empty() && !h.is_empty() => {
                        (s.to_owned(), h.to_owned())
                    }
                    _ => bail!(
                        "`{} --print sysroot --print host-tuple` printed no sysroot. {NO_RUSTC}",
                        proxy.display()
                    ),
                }
            }
            // Before rustc 1.84 there is no `--print host-tuple`: `-vV` says it.
            Err(_) => {
                let sysroot = ask(&proxy, &["--print", "sysroot"])?.trim().to_owned();
                let version = ask(&proxy, &["-vV"])?;
                let host = version
                    .lines()
                    .find_map(|l| l.strip_prefix("host: "))
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                (sysroot, host)
            }
        };
        let sysroot = PathBuf::from(sysroot);
        let real = sysroot
            .join("bin")
            .join(format!("rustc{}", std::env::consts::EXE_SUFFIX));
        let rustc = if real.is_file() { real } else { proxy };
        let meta = std::fs::metadata(&rustc)
            .with_context(|| format!("cannot read {}", rustc.display()))?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Ok(Toolchain {
            identity: format!("{} {} {mtime}", rustc.display(), meta.len()),
            libdir: sysroot.join("lib/rustlib").join(host).join("lib"),
            rustc,
            sysroot,
        })
    }

    /// Changes whenever the compiler does: a key for caches of rustc's answers.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// clippy-driver from the same toolchain.
    pub fn clippy_driver(&self) -> PathBuf {
        self.sysroot
            .join("bin")
            .join(format!("clippy-driver{}", std::env::consts::EXE_SUFFIX))
    }

    /// A rustc command with the flags measured fastest for an edit-compile-run cycle.
    pub(super) fn rustc(&self, edition: &str, incremental: &Path) -> Command {
        let mut cmd = Command::new(&self.rustc);
        cmd.arg("--edition")
            .arg(edition)
            .args(["--error-format=json", "--json=diagnostic-rendered-ansi"])
            .args(["-C", "strip=debuginfo", "-C"])
            .arg(format!("incremental={}", incremental.display()));
        if cfg!(unix) && self.libdir.is_dir() {
            // Linking std dynamically is the cheapest link; the rpath lets the
            // binary find it. (Windows has no rpath: std is linked statically.)
            cmd.args(["-C", "prefer-dynamic", "-C"])
                .arg(format!("link-arg=-Wl,-rpath,{}", self.libdir.display()));
        }
        cmd
    }
}
