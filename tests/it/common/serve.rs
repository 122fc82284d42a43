//! Helpers for the `boucle serve` end-to-end tests: a server on a fresh port with its own
//! host key, ssh runs with a password given by SSH_ASKPASS, and tmux panes running `ssh -t`.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
pub const TIMEOUT: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(30);

pub use super::binary;

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().unwrap().port()
}

pub fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < TIMEOUT, "waited {TIMEOUT:?} for {what}");
        std::thread::sleep(POLL);
    }
}

/// A running `boucle serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub fn start(access: &[&str]) -> Server {
        Server::start_on(FIXTURE, access)
    }

    /// A server on the catalogue folder `catalogue` (a copy a test may change).
    pub fn start_on(catalogue: &str, access: &[&str]) -> Server {
        Server::start_in(catalogue, access, "C.UTF-8")
    }

    /// A server on `catalogue` under the locale `lang` (`LANG`), which its console speaks.
    pub fn start_in(catalogue: &str, access: &[&str], lang: &str) -> Server {
        Server::start_with(catalogue, access, |command| {
            command.env("LANG", lang);
        })
    }

    /// As [`Server::start_on`], with `prepare` changing the command before it starts (its
    /// environment, the signals it starts with ignored).
    pub fn start_with(catalogue: &str, access: &[&str], prepare: impl FnOnce(&mut Command)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        std::fs::write(dir.path().join("password"), "aimant2026\n").unwrap();
        let log = std::fs::File::create(dir.path().join("log")).unwrap();
        let access: Vec<String> = access.iter().map(|a| a.replace("{dir}", dir.path().to_str().unwrap())).collect();
        let mut command = Command::new(binary());
        command
            .args(["serve", "--catalogue", catalogue, "--listen", &format!("127.0.0.1:{port}")])
            .args(&access)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("LANG", "C.UTF-8")
            .env_remove("BOUCLE_CATALOGUE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        prepare(&mut command);
        let child = command.spawn().expect("boucle serve starts");
        let server = Server { child, port, dir };
        wait_until("the server to listen", || TcpStream::connect(("127.0.0.1", port)).is_ok());
        // The key's fingerprint is the greeting's last line, in any language.
        wait_until("the server's greeting", || server.log().contains("SHA256:"));
        server
    }

    pub fn open() -> Server {
        Server::start(&["--open"])
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    pub fn ssh_config(&self) -> PathBuf {
        let path = self.dir.path().join("ssh_config");
        if !path.exists() {
            std::fs::write(
                &path,
                "Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n  \
                 PubkeyAuthentication no\n  IdentitiesOnly yes\n  NumberOfPasswordPrompts 1\n",
            )
            .unwrap();
        }
        path
    }

    /// `ssh -p PORT user@127.0.0.1 ARGS…`, with the password given by SSH_ASKPASS.
    pub fn ssh(&self, user: &str, password: &str, args: &[&str]) -> Output {
        self.ssh_then(user, password, args, &[])
    }

    /// `ssh -p PORT OPTIONS… user@127.0.0.1 COMMAND…`, with the password given by SSH_ASKPASS.
    pub fn ssh_then(&self, user: &str, password: &str, args: &[&str], command: &[&str]) -> Output {
        let askpass = self.dir.path().join(format!("askpass-{password}"));
        std::fs::write(&askpass, format!("#!/bin/sh\necho '{password}'\n")).unwrap();
        Command::new("chmod").args(["700", askpass.to_str().unwrap()]).status().unwrap();
        Command::new("timeout")
            .arg("30")
            .arg("ssh")
            .args(["-F", self.ssh_config().to_str().unwrap(), "-p", &self.port.to_string()])
            .args(args)
            .arg(format!("{user}@127.0.0.1"))
            .args(command)
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0")
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs (apt-get install openssh-client)")
    }

    /// `ssh … user@host COMMAND…` (the command after the destination).
    pub fn exec(&self, command: &[&str]) -> Output {
        Command::new("timeout")
            .arg("30")
            .arg("ssh")
            .args(["-F", self.ssh_config().to_str().unwrap(), "-p", &self.port.to_string(), "-T"])
            .arg("en@127.0.0.1")
            .args(command)
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs")
    }

    /// Waits for the server to exit; its status.
    pub fn wait_for_exit(&mut self) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < TIMEOUT, "the server did not exit:\n{}", self.log());
            std::thread::sleep(POLL);
        }
    }

    /// Sends `signal` (a name `kill` knows: HUP, QUIT…) to the server.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
    }

    /// Threads of the server with this name.
    pub fn threads(&self, name: &str) -> usize {
        std::fs::read_dir(format!("/proc/{}/task", self.child.id()))
            .map(|tasks| {
                tasks
                    .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
                    .filter(|comm| comm.trim() == name)
                    .count()
            })
            .unwrap_or(0)
    }

    /// No session left: no dashboard thread, no search worker.
    pub fn wait_for_no_session(&self) {
        wait_until("every session thread to end", || self.threads("ssh-session") == 0 && self.threads("search") == 0);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub use super::tmux::Tmux;

/// tmux windows running `ssh -t` clients, one per participant.
pub trait SshPanes {
    /// A window `name` of `width`x`height` running `ssh -t` into the server as `user`; when ssh
    /// ends, its exit status is printed and the window stays.
    fn ssh(&self, server: &Server, name: &str, user: &str, size: (u16, u16)) {
        self.ssh_with(server, name, user, size, "");
    }

    /// As [`SshPanes::ssh`], with more options for ssh (`-i KEY`, say).
    fn ssh_with(&self, server: &Server, name: &str, user: &str, size: (u16, u16), options: &str);

    /// A window `name` of 120x40 running `ssh -t` as `user`, its password given by SSH_ASKPASS.
    fn ssh_password(&self, server: &Server, name: &str, user: &str, password: &str);
}

impl SshPanes for Tmux {
    fn ssh_with(&self, server: &Server, name: &str, user: &str, size: (u16, u16), options: &str) {
        let command = format!(
            "env LANG=C.UTF-8 ssh -t -F {} -p {} {options} {user}@127.0.0.1; echo EXITED $?; exec sleep 600",
            server.ssh_config().display(),
            server.port
        );
        self.open(name, size, server.dir.path(), &command, &[]);
    }

    fn ssh_password(&self, server: &Server, name: &str, user: &str, password: &str) {
        let askpass = server.dir.path().join(format!("askpass-{name}"));
        std::fs::write(&askpass, format!("#!/bin/sh\necho '{password}'\n")).unwrap();
        Command::new("chmod").args(["700", askpass.to_str().unwrap()]).status().unwrap();
        let command = format!(
            "env LANG=C.UTF-8 SSH_ASKPASS={} SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ssh -t -F {} -p {} {user}@127.0.0.1; \
             echo EXITED $?; exec sleep 600",
            askpass.display(),
            server.ssh_config().display(),
            server.port
        );
        self.open(name, (120, 40), server.dir.path(), &command, &[]);
    }
}

/// A window `name` of 120x40 running `boucle present TOUR` (or its `--console`) on this
/// machine, on the fixture, its presentation socket in `runtime`.
/// A folder for `$XDG_RUNTIME_DIR`, the user's alone (0700) as boucle requires: a tempdir is
/// 0755 under the usual umask, and boucle would then fall back on /tmp/boucle-<uid>, which every
/// test run of the machine shares, so that two runs would present one another's tours.
pub fn runtime_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new().permissions(std::fs::Permissions::from_mode(0o700)).tempdir().unwrap()
}

pub fn present_window(tmux: &Tmux, runtime: &std::path::Path, name: &str, tour: &str, console: bool) {
    let command = format!(
        "env XDG_RUNTIME_DIR={} TZ=UTC LANG=C.UTF-8 {} --catalogue {FIXTURE} --lang en present {tour}{}; \
         echo EXITED $?; exec sleep 600",
        runtime.display(),
        binary().display(),
        if console { " --console" } else { "" }
    );
    tmux.open(name, (120, 40), runtime, &command, &[]);
}

/// A new ed25519 key pair `dir/name` (and `.pub`), commented `name@laptop`; the private key's path.
pub fn keygen(dir: &std::path::Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", &format!("{name}@laptop"), "-f", path.to_str().unwrap()])
        .output()
        .expect("ssh-keygen runs");
    assert!(made.status.success(), "{made:?}");
    path
}

pub fn ready(screen: &str) -> bool {
    screen.contains("? help") || screen.contains("? aide")
}
