//! `boucle serve` driven by the real OpenSSH client (Debian's `openssh-client`, installed by
//! `.ci/run`), all on 127.0.0.1, each test on a fresh port with a host key of its own. The
//! dashboard is read in tmux panes running `ssh -t`; exec requests and refusals through `ssh`
//! itself; faults with raw TCP connections. After each test, the server must have no session
//! thread left (`ssh-session` and `search` threads counted in /proc).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
const TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(30);

fn binary() -> PathBuf {
    let built = Path::new(env!("CARGO_BIN_EXE_boucle"));
    let release = built.parent().and_then(Path::parent).map(|target| target.join("release").join("boucle"));
    match release {
        Some(release) if release.is_file() => release,
        _ => built.to_path_buf(),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().unwrap().port()
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < TIMEOUT, "waited {TIMEOUT:?} for {what}");
        std::thread::sleep(POLL);
    }
}

/// A running `boucle serve`, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Server {
    fn start(access: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        std::fs::write(dir.path().join("password"), "aimant2026\n").unwrap();
        let log = std::fs::File::create(dir.path().join("log")).unwrap();
        let access: Vec<String> = access.iter().map(|a| a.replace("{dir}", dir.path().to_str().unwrap())).collect();
        let child = Command::new(binary())
            .args(["serve", "--catalogue", FIXTURE, "--listen", &format!("127.0.0.1:{port}")])
            .args(&access)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("LANG", "C.UTF-8")
            .env_remove("BOUCLE_CATALOGUE")
            .env_remove("LC_ALL")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("boucle serve starts");
        let server = Server { child, port, dir };
        wait_until("the server to listen", || TcpStream::connect(("127.0.0.1", port)).is_ok());
        wait_until("the server's greeting", || server.log().contains("fingerprint"));
        server
    }

    fn open() -> Server {
        Server::start(&["--open"])
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    fn ssh_config(&self) -> PathBuf {
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
    fn ssh(&self, user: &str, password: &str, args: &[&str]) -> Output {
        let askpass = self.dir.path().join(format!("askpass-{password}"));
        std::fs::write(&askpass, format!("#!/bin/sh\necho '{password}'\n")).unwrap();
        Command::new("chmod").args(["700", askpass.to_str().unwrap()]).status().unwrap();
        Command::new("timeout")
            .arg("30")
            .arg("ssh")
            .args(["-F", self.ssh_config().to_str().unwrap(), "-p", &self.port.to_string()])
            .args(args)
            .arg(format!("{user}@127.0.0.1"))
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0")
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs (apt-get install openssh-client)")
    }

    /// `ssh … user@host COMMAND…` (the command after the destination).
    fn exec(&self, command: &[&str]) -> Output {
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

    /// Threads of the server with this name.
    fn threads(&self, name: &str) -> usize {
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
    fn wait_for_no_session(&self) {
        wait_until("every session thread to end", || self.threads("ssh-session") == 0 && self.threads("search") == 0);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// tmux on a socket of its own, with one window per ssh client.
struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    fn start() -> Tmux {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join(format!("tmux-serve-{}", COUNT.fetch_add(1, Ordering::SeqCst)));
        Tmux { socket, _dir: dir }
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .args(["-u", "-S", self.socket.to_str().unwrap(), "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(output.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    }

    /// A pane `name` of `width`x`height` running `ssh -t` into the server as `user`; when ssh
    /// ends, its exit status is printed and the pane stays.
    fn ssh(&self, server: &Server, name: &str, user: &str, (width, height): (u16, u16)) {
        let command = format!(
            "env LANG=C.UTF-8 ssh -t -F {} -p {} {user}@127.0.0.1; echo EXITED $?; exec sleep 600",
            server.ssh_config().display(),
            server.port
        );
        let (w, h) = (width.to_string(), height.to_string());
        if Command::new("tmux")
            .args(["-S", self.socket.to_str().unwrap(), "has-session"])
            .output()
            .unwrap()
            .status
            .success()
        {
            self.run(&["new-window", "-d", "-n", name, "sh", "-c", &command]);
            self.run(&["resize-window", "-t", &format!(":{name}"), "-x", &w, "-y", &h]);
        } else {
            self.run(&["new-session", "-d", "-x", &w, "-y", &h, "-n", name, "sh", "-c", &command]);
        }
    }

    fn screen(&self, name: &str) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", &format!(":{name}")]).stdout).into_owned()
    }

    fn wait_for(&self, name: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(name);
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < TIMEOUT, "waited {TIMEOUT:?} for {what}; the screen:\n{screen}");
            std::thread::sleep(POLL);
        }
    }

    fn keys(&self, name: &str, keys: &[&str]) {
        let target = format!(":{name}");
        let mut args = vec!["send-keys", "-t", &target];
        args.extend(keys);
        self.run(&args);
    }

    fn type_text(&self, name: &str, text: &str) {
        self.run(&["send-keys", "-t", &format!(":{name}"), "-l", text]);
    }

    fn display(&self, name: &str, format: &str) -> String {
        let target = format!(":{name}");
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", &target, format]).stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-S", self.socket.to_str().unwrap(), "kill-server"]).output();
    }
}

fn ready(screen: &str) -> bool {
    screen.contains("? help") || screen.contains("? aide")
}

#[test]
fn a_participant_searches_resizes_and_quits_with_the_terminal_restored() {
    let server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "one", "en", (120, 40));
    tmux.wait_for("one", "the dashboard", ready);
    tmux.type_text("one", "/bethune");
    let screen = tmux.wait_for("one", "the search", |s| s.contains("/ bethune") && s.contains("Former mining sites"));
    assert!(screen.contains("Béthune-Bruay"), "{screen}");
    assert!(!screen.contains("Western Macedonia"), "only what matches bethune:\n{screen}");

    tmux.run(&["resize-window", "-t", ":one", "-x", "80", "-y", "24"]);
    let screen = tmux.wait_for("one", "a redraw at 80 columns", |s| {
        let first_border = s.lines().nth(1).unwrap_or("");
        first_border.chars().count() == 80 && first_border.ends_with('┐')
            || first_border.ends_with('╮')
            || first_border.ends_with('┓')
    });
    assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");

    // Apart, so that the Esc is not read as Alt held with q.
    tmux.keys("one", &["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys("one", &["q"]);
    let screen = tmux.wait_for("one", "ssh to end", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
    assert!(screen.contains("Goodbye"), "{screen}");
    assert_eq!(tmux.display("one", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"), "0 1 0");
    server.wait_for_no_session();
    assert!(server.log().contains("dashboard for en@127.0.0.1"), "{}", server.log());
}

#[test]
fn two_participants_do_not_see_each_others_query_or_language() {
    let server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "fr", "fr", (100, 30));
    tmux.ssh(&server, "en", "en-light", (100, 30));
    tmux.wait_for("fr", "the French dashboard", |s| s.contains("? aide"));
    tmux.wait_for("en", "the English dashboard", |s| s.contains("? help"));
    tmux.type_text("fr", "/kozani");
    tmux.keys("fr", &["Enter"]);
    tmux.wait_for("fr", "the French search", |s| s.contains("/ kozani") && s.contains("Macédoine"));
    tmux.keys("en", &["Down", "Down"]);
    std::thread::sleep(Duration::from_millis(300));
    let english = tmux.screen("en");
    assert!(!english.contains("kozani"), "the query stays in its session:\n{english}");
    assert!(english.contains("12 results"), "{english}");
    let french = tmux.screen("fr");
    assert!(french.contains("/ kozani"), "{french}");
    // Accented letters arrive as UTF-8 over the channel and are typed whole.
    tmux.type_text("en", "/béthune");
    tmux.wait_for("en", "the accented query", |s| s.contains("/ béthune") && s.contains("Former mining sites"));
    tmux.keys("en", &["Enter"]);
    assert!(!tmux.screen("fr").contains("béthune"), "{}", tmux.screen("fr"));
    tmux.keys("fr", &["q"]);
    tmux.keys("en", &["q"]);
    tmux.wait_for("fr", "fr to end", |s| s.contains("EXITED 0"));
    tmux.wait_for("en", "en to end", |s| s.contains("EXITED 0"));
    server.wait_for_no_session();
}

#[test]
fn the_one_over_the_session_limit_is_told_the_room_is_full() {
    let server = Server::start(&["--open", "--max-sessions", "1"]);
    let tmux = Tmux::start();
    tmux.ssh(&server, "first", "en", (100, 30));
    tmux.wait_for("first", "the first dashboard", ready);
    let second = server.ssh("fr", "", &["-tt"]);
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    let said = String::from_utf8_lossy(&second.stdout).into_owned() + &String::from_utf8_lossy(&second.stderr);
    assert!(said.contains("La salle est pleine"), "{said}");
    tmux.keys("first", &["q"]);
    tmux.wait_for("first", "the first to leave", |s| s.contains("EXITED 0"));
    server.wait_for_no_session();
    assert!(server.log().contains("the room is full"), "{}", server.log());
}

#[test]
fn list_over_ssh_is_exactly_the_local_list() {
    let server = Server::open();
    let remote = server.exec(&["list", "--format", "json"]);
    assert!(remote.status.success(), "{}", String::from_utf8_lossy(&remote.stderr));
    let local = Command::new(binary())
        .args(["list", "--format", "json", "--catalogue", FIXTURE, "--lang", "en"])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .unwrap();
    assert!(local.status.success());
    assert_eq!(String::from_utf8_lossy(&remote.stdout), String::from_utf8_lossy(&local.stdout));

    let quoted = server.exec(&["list", "--query", "'terres rares'", "--format", "md"]);
    assert!(quoted.status.success(), "{}", String::from_utf8_lossy(&quoted.stderr));
    let show = server.exec(&["show", "nope-not-an-id"]);
    assert_eq!(show.status.code(), Some(2), "{}", String::from_utf8_lossy(&show.stderr));
    server.wait_for_no_session();
}

#[test]
fn shells_commands_forwarding_and_wrong_passwords_are_refused() {
    let server = Server::start(&["--password-file", "{dir}/password"]);

    let shell = server.ssh("en", "aimant2026", &["-T"]);
    assert_ne!(shell.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&shell.stderr).contains("needs a terminal"), "{shell:?}");

    let command = server.ssh("en", "aimant2026", &["-T", "-o", "RemoteCommand=sh -c id"]);
    assert_eq!(command.status.code(), Some(2), "{command:?}");
    assert!(!String::from_utf8_lossy(&command.stdout).contains("uid="));

    let right = server.ssh("en", "aimant2026", &["-o", "RemoteCommand=list --format csv"]);
    assert!(right.status.success(), "{right:?}");
    assert!(String::from_utf8_lossy(&right.stdout).contains("bethune"));

    let wrong = server.ssh("en", "aimant2025", &["-o", "RemoteCommand=list"]);
    assert_eq!(wrong.status.code(), Some(255), "{wrong:?}");
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("Permission denied"), "{wrong:?}");

    // -L: the tunnel opens on the client, and the server refuses the channel behind it.
    let local_port = free_port();
    let forward = format!("{local_port}:127.0.0.1:{}", server.port);
    let mut tunnel = Command::new("ssh")
        .args(["-F", server.ssh_config().to_str().unwrap(), "-p", &server.port.to_string(), "-N", "-L", &forward])
        .arg("en@127.0.0.1")
        .env("SSH_ASKPASS", server.dir.path().join("askpass-aimant2026"))
        .env("SSH_ASKPASS_REQUIRE", "force")
        .env("DISPLAY", ":0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until("the tunnel", || TcpStream::connect(("127.0.0.1", local_port)).is_ok());
    let mut through = TcpStream::connect(("127.0.0.1", local_port)).unwrap();
    through.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut greeting = Vec::new();
    let _ = through.read_to_end(&mut greeting);
    assert!(!String::from_utf8_lossy(&greeting).contains("SSH-2.0"), "nothing comes through the tunnel");
    let _ = tunnel.kill();
    let _ = tunnel.wait();

    wait_until("the refusals in the log", || server.log().contains("refused port forwarding"));
    let log = server.log();
    assert!(log.contains("refused a shell without a terminal"), "{log}");
    assert!(log.contains("refused: exec of `sh`"), "{log}");
    assert!(log.contains("refused a wrong password"), "{log}");
    assert!(!log.contains("aimant2025") && !log.contains("aimant2026"), "no password in the log:\n{log}");
    server.wait_for_no_session();
}

#[test]
fn faults_leave_the_room_serving_the_others() {
    let server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "steady", "en", (100, 30));
    tmux.wait_for("steady", "a steady participant", ready);

    // A client that disconnects mid-frame: its ssh is killed while the dashboard draws.
    tmux.ssh(&server, "gone", "en", (200, 60));
    tmux.wait_for("gone", "the second dashboard", ready);
    tmux.type_text("gone", "/b");
    let ssh_pid = tmux.display("gone", "#{pane_pid}");
    let _ = Command::new("pkill").args(["-KILL", "-P", &ssh_pid, "-x", "ssh"]).status();

    // Garbage bytes, before and instead of an SSH greeting.
    for garbage in [&b"\x00\xff\xfe garbage\r\n"[..], b"SSH-2.0-x\r\n\x00\x00\x00\x10\xff\xff\xff\xff", &[0x1b; 4096]] {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", server.port)) {
            let _ = stream.write_all(garbage);
        }
    }

    // A thousand connections from one address: most are refused at once, none takes the room.
    let mut held = Vec::new();
    for _ in 0..1000 {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", server.port)) {
            held.push(stream);
        }
    }
    drop(held);

    // The steady participant still types and sees results.
    tmux.type_text("steady", "/kozani");
    tmux.wait_for("steady", "the steady participant's search", |s| s.contains("Macedonia"));
    tmux.keys("steady", &["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys("steady", &["q"]);
    tmux.wait_for("steady", "the steady participant to leave", |s| s.contains("EXITED 0"));

    // New participants get in once the flood's address may connect again.
    // (One connection a second comes back to the flooding address.)
    let mut shown = String::new();
    wait_until("a new connection to be served", || {
        let output = server.exec(&["show", "bethune-bruay-mining-heritage"]);
        shown = String::from_utf8_lossy(&output.stdout).into_owned();
        output.status.success()
    });
    assert!(shown.contains("Béthune"), "{shown}");
    assert!(!server.log().contains("panicked"), "{}", server.log());
    server.wait_for_no_session();
    assert!(server.log().contains("refused: too many connections from 127.0.0.1"), "{}", server.log());
}

#[test]
fn sigterm_says_goodbye_to_everyone_and_exits_0() {
    let mut server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "one", "fr", (90, 28));
    tmux.wait_for("one", "the dashboard", |s| s.contains("? aide"));
    let pid = server.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let screen = tmux.wait_for("one", "the goodbye", |s| s.contains("EXITED"));
    assert!(screen.contains("fermé la salle"), "{screen}");
    assert_eq!(tmux.display("one", "#{alternate_on} #{cursor_flag}"), "0 1");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < TIMEOUT, "the server did not exit");
        std::thread::sleep(POLL);
    };
    assert_eq!(status.code(), Some(0), "{}", server.log());
    assert!(server.log().contains("the room is closed"));
}
