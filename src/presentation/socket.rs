//! The local presentation: views in other processes of the same user attach through a Unix
//! socket in `$XDG_RUNTIME_DIR` (a folder only the user can enter), named after the tour. The
//! first process to start holds the [`Hub`] and listens; the next ones connect, so either of
//! `boucle present TOUR` and `boucle present TOUR --console` may start first. Without
//! `$XDG_RUNTIME_DIR`, a folder `boucle-<uid>` of the temporary folder, made 0700 and refused
//! unless it is the user's own and no one else's, takes its place, and the caller is told.
//!
//! The socket is made 0600 and a connecting process must be the same user (its credentials
//! are asked of the kernel); what it sends is parsed as [`Drive`]s, never trusted further.

use std::io::{BufReader, ErrorKind};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::hub::Seat;
use super::{Drive, Driver, Hub, Stage, wire};

/// Where the sockets are, and whether that is the fallback (the caller says so).
pub struct Place {
    pub dir: PathBuf,
    pub fallback: bool,
}

/// `$XDG_RUNTIME_DIR` when it is the user's alone (as the XDG specification requires: owned,
/// 0700), else `boucle-<uid>` in the temporary folder.
pub fn place() -> std::io::Result<Place> {
    place_from(std::env::var_os("XDG_RUNTIME_DIR"))
}

fn place_from(runtime: Option<std::ffi::OsString>) -> std::io::Result<Place> {
    if let Some(dir) = runtime.map(PathBuf::from).filter(|d| d.is_absolute())
        && yours_alone(&dir, 0o022).is_ok()
    {
        return Ok(Place { dir, fallback: false });
    }
    let dir = std::env::temp_dir().join(format!("boucle-{}", uid()));
    match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    yours_alone(&dir, 0o077)?;
    Ok(Place { dir, fallback: true })
}

/// Never a folder someone else made or can write in (`others`: the permission bits they must
/// not have): they could put their own socket in the presentation's place and listen to the
/// console's keys, or drive the projector. The folder made in the temporary folder is the
/// user's alone (0700); a runtime folder others may read but not write in is kept.
fn yours_alone(dir: &Path, others: u32) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(dir)?;
    if !meta.is_dir() || meta.uid() != uid() || meta.mode() & others != 0 {
        return Err(std::io::Error::new(ErrorKind::PermissionDenied, format!("{} is not yours alone", dir.display())));
    }
    Ok(())
}

fn uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The socket of a tour's presentation: its id, kept to the characters ids have.
pub fn path(dir: &Path, tour: &str) -> PathBuf {
    let name: String = tour.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(100).collect();
    dir.join(format!("boucle-present-{name}.sock"))
}

/// A view attached: the right to drive, the stages as they come (they end if the process
/// holding the hub ended and this one could not take its place), and the hub when this
/// process started it.
pub struct Attached {
    pub driver: Driver,
    pub stages: Receiver<Stage>,
    pub hub: Option<Arc<Hub>>,
    target: Shared,
}

impl Attached {
    /// Whether this process holds the presentation now: it started it, or took it over from
    /// one that ended (it then removes the socket when it ends, as the first holder would).
    pub fn holder(&self) -> Holder {
        Holder(self.target.clone())
    }
}

/// Asks, at the end, whether this process holds the presentation.
pub struct Holder(Shared);

impl Holder {
    pub fn holds(&self) -> bool {
        matches!(*self.0.lock().unwrap_or_else(|p| p.into_inner()), Target::Hub(_))
    }
}

/// Attaches to the presentation at `socket`, or starts it (the stage `first` makes) and
/// listens there. A view attached to another process takes its place when it ends: it holds
/// the hub from the stage it last saw (the same stop), and listens at the socket again.
pub fn attach(socket: &Path, first: impl FnOnce() -> Stage) -> std::io::Result<Attached> {
    let (tell, stages) = channel();
    let (target, driver) = forward();
    let hub = attach_with(socket, first, &tell, &target)?;
    let driver = hub.clone().map_or(driver, Driver::Hub);
    Ok(Attached { driver, stages, hub, target })
}

/// Where a view's drives go: the process that holds the hub, or the hub it took over; while
/// neither, the drives wait (a key pressed as the holder ends is not lost).
enum Target {
    Stream(UnixStream),
    Hub(Arc<Hub>),
    Gone(Vec<Drive>),
}

type Shared = Arc<std::sync::Mutex<Target>>;

impl Target {
    /// Sends `drive`, or keeps it while there is nowhere to send it.
    fn send(&mut self, drive: Drive) {
        match self {
            Target::Stream(stream) => {
                // A write that fails is the holder ending: kept for who takes its place.
                if wire::write(stream, &drive).is_err() {
                    *self = Target::Gone(vec![drive]);
                }
            }
            Target::Hub(hub) => {
                hub.drive(&drive);
            }
            Target::Gone(waiting) => waiting.push(drive),
        }
    }
}

/// The drives now go to `new`, the ones that waited first.
fn retarget(target: &Shared, new: Target) {
    let mut target = target.lock().unwrap_or_else(|p| p.into_inner());
    let waiting = match std::mem::replace(&mut *target, new) {
        Target::Gone(waiting) => waiting,
        Target::Stream(_) | Target::Hub(_) => Vec::new(),
    };
    for drive in waiting {
        target.send(drive);
    }
}

/// A driver whose drives go wherever the target is now.
fn forward() -> (Shared, Driver) {
    let target: Shared = Arc::new(std::sync::Mutex::new(Target::Gone(Vec::new())));
    let (drives, to_send): (Sender<Drive>, Receiver<Drive>) = channel();
    let sending = target.clone();
    let _ = std::thread::Builder::new().name("present-out".into()).spawn(move || {
        for drive in to_send {
            sending.lock().unwrap_or_else(|p| p.into_inner()).send(drive);
        }
    });
    (target, Driver::Remote(drives))
}

/// Connects to the process holding the hub at `socket` (its stages to `tell`, drives through
/// `target`), or holds the hub itself; says which hub it holds.
fn attach_with(
    socket: &Path,
    first: impl FnOnce() -> Stage,
    tell: &Sender<Stage>,
    target: &Shared,
) -> std::io::Result<Option<Arc<Hub>>> {
    match UnixStream::connect(socket) {
        Ok(stream) => return remote(socket, stream, tell, target).map(|()| None),
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::ConnectionRefused) => {}
        Err(e) => return Err(e),
    }
    // A socket nobody listens on is what a process that ended left: only a socket is removed.
    if std::fs::symlink_metadata(socket).is_ok_and(|m| m.file_type().is_socket()) {
        std::fs::remove_file(socket)?;
    }
    let listener = match UnixListener::bind(socket) {
        Ok(listener) => listener,
        // Another process started at the same moment and won: be its view.
        Err(e) if e.kind() == ErrorKind::AddrInUse => {
            return remote(socket, UnixStream::connect(socket)?, tell, target).map(|()| None);
        }
        Err(e) => return Err(e),
    };
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(0o600))?;
    let hub = Hub::new(first());
    let tell = tell.clone();
    hub.watch(Seat::Driver, move |stage| tell.send(stage.clone()).is_ok());
    retarget(target, Target::Hub(hub.clone()));
    let serving = hub.clone();
    std::thread::Builder::new().name("present-socket".into()).spawn(move || listen(&listener, &serving))?;
    Ok(Some(hub))
}

/// Serves `hub` to the views that connect at `socket` (the room's presentation, for a console
/// on the server's machine); the thread ends with the process.
pub fn serve(socket: &Path, hub: Arc<Hub>) -> std::io::Result<()> {
    if std::fs::symlink_metadata(socket).is_ok_and(|m| m.file_type().is_socket()) {
        std::fs::remove_file(socket)?;
    }
    let listener = UnixListener::bind(socket)?;
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(0o600))?;
    std::thread::Builder::new().name("present-socket".into()).spawn(move || listen(&listener, &hub))?;
    Ok(())
}

fn listen(listener: &UnixListener, hub: &Arc<Hub>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if peer_uid(&stream) != Some(uid()) {
            continue;
        }
        let _ = view(stream, hub.clone());
    }
}

/// One connected view: its drives applied, every stage written to it.
fn view(stream: UnixStream, hub: Arc<Hub>) -> std::io::Result<()> {
    let (to_view, stages) = channel::<Stage>();
    let mut writer = stream.try_clone()?;
    std::thread::Builder::new().name("present-view-out".into()).spawn(move || {
        for stage in stages {
            if wire::write(&mut writer, &stage).is_err() {
                break;
            }
        }
        let _ = writer.shutdown(std::net::Shutdown::Both);
    })?;
    // A process of the same user may drive: it is the facilitator's console or projector.
    hub.watch(Seat::Driver, move |stage| to_view.send(stage.clone()).is_ok());
    std::thread::Builder::new().name("present-view-in".into()).spawn(move || {
        let mut reader = BufReader::new(stream);
        while let Ok(Some(drive)) = wire::read::<Drive>(&mut reader) {
            hub.drive(&drive);
        }
        let _ = reader.get_ref().shutdown(std::net::Shutdown::Both);
    })?;
    Ok(())
}

/// A view of a hub in another process: its stages told, the drives written to it. When that
/// process ends, this one takes its place from the last stage it saw (or attaches to whoever
/// took it first); if it cannot, the stages end and the view says so.
fn remote(socket: &Path, stream: UnixStream, tell: &Sender<Stage>, target: &Shared) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    retarget(target, Target::Stream(stream));
    let (socket, tell, target) = (socket.to_path_buf(), tell.clone(), target.clone());
    std::thread::Builder::new().name("present-in".into()).spawn(move || {
        let mut last = None;
        while let Ok(Some(stage)) = wire::read::<Stage>(&mut reader) {
            last = Some(stage.clone());
            if tell.send(stage).is_err() {
                return;
            }
        }
        {
            let mut target = target.lock().unwrap_or_else(|p| p.into_inner());
            if let Target::Stream(_) | Target::Hub(_) = &*target {
                *target = Target::Gone(Vec::new());
            }
        }
        let Some(last) = last else { return };
        // The clocks go on from where they were: the time the holder took to end is counted.
        // Could it not take over, `tell` is dropped here: the view is told its stages ended.
        let _ = attach_with(&socket, || last, &tell, &target);
    })?;
    Ok(())
}

/// The user id of the process at the other end of `stream`, as the kernel knows it.
fn peer_uid(stream: &UnixStream) -> Option<u32> {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred { pid: 0, uid: 0, gid: 0 };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most `len` bytes into `cred`, a ucred on our stack, on a
    // descriptor `stream` owns for the length of the call.
    let done = unsafe {
        libc::getsockopt(stream.as_raw_fd(), libc::SOL_SOCKET, libc::SO_PEERCRED, (&raw mut cred).cast(), &raw mut len)
    };
    (done == 0).then_some(cred.uid)
}

/// Sends one drive to the presentation at `socket` and leaves (`--say`): false when none is
/// running there.
pub fn send_once(socket: &Path, drive: &Drive) -> std::io::Result<()> {
    let mut stream = UnixStream::connect(socket)?;
    wire::write(&mut stream, drive)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A runtime folder others may write in (0777, no sticky bit) is not where a presentation
    /// listens: the temporary folder's own `boucle-<uid>` is used instead.
    #[test]
    fn a_runtime_folder_others_can_write_in_is_not_used() {
        use std::os::unix::fs::PermissionsExt;
        let open = tempfile::tempdir().unwrap();
        std::fs::set_permissions(open.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let place = place_from(Some(open.path().as_os_str().to_owned())).unwrap();
        assert!(place.fallback && place.dir != open.path(), "{:?}", place.dir);
        let own = tempfile::tempdir().unwrap();
        std::fs::set_permissions(own.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let place = place_from(Some(own.path().as_os_str().to_owned())).unwrap();
        assert!(!place.fallback && place.dir == own.path());
    }
    use crate::presentation::{Deck, now_ms};
    use std::time::Duration;

    fn next_stop(stages: &Receiver<Stage>, stop: usize) {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while std::time::Instant::now() < deadline {
            if let Ok(stage) = stages.recv_timeout(Duration::from_millis(100))
                && stage.stop == stop
            {
                return;
            }
        }
        panic!("stop {stop} never came");
    }

    #[test]
    fn the_second_process_attaches_to_the_first_and_either_drives() {
        let dir = tempfile::tempdir().unwrap();
        let socket = path(dir.path(), "tour-a");
        let first = attach(&socket, || Stage::new(Deck::Tour("tour-a".into()), 5, now_ms())).unwrap();
        assert!(first.hub.is_some());
        let mode = std::fs::metadata(&socket).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let second = attach(&socket, || unreachable!("the first holds the stage")).unwrap();
        assert!(second.hub.is_none());
        second.driver.send(Drive::Next);
        next_stop(&first.stages, 1);
        next_stop(&second.stages, 1);
        first.driver.send(Drive::Goto(3));
        next_stop(&second.stages, 3);
        send_once(&socket, &Drive::RoomLine(Some("Pause".into()))).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            let stage = second.stages.recv_timeout(Duration::from_secs(5)).unwrap();
            if stage.line.as_deref() == Some("Pause") {
                break;
            }
            assert!(std::time::Instant::now() < deadline);
        }
    }

    #[test]
    fn a_socket_left_by_a_process_that_ended_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let socket = path(dir.path(), "t");
        drop(UnixListener::bind(&socket).unwrap());
        let attached = attach(&socket, || Stage::new(Deck::Tour("t".into()), 2, now_ms())).unwrap();
        assert!(attached.hub.is_some(), "the stale socket was replaced");
        assert_eq!(path(dir.path(), "../x/y z"), dir.path().join("boucle-present-xyz.sock"));
    }

    /// The process holding the hub ends (here: a listener that told one stage, then went away
    /// with its socket): the view takes its place at the same stop, its keys drive, and a
    /// projector started then attaches to it at that stop.
    #[test]
    fn a_view_takes_over_when_the_holder_ends_and_keeps_the_stop() {
        let dir = tempfile::tempdir().unwrap();
        let socket = path(dir.path(), "t");
        let listener = UnixListener::bind(&socket).unwrap();
        let holder = std::thread::spawn({
            let socket = socket.clone();
            move || {
                let (mut stream, _) = listener.accept().unwrap();
                let mut stage = Stage::new(Deck::Tour("t".into()), 5, now_ms());
                stage.stop = 2;
                stage.version = 7;
                wire::write(&mut stream, &stage).unwrap();
                std::thread::sleep(Duration::from_millis(200));
                std::fs::remove_file(&socket).unwrap();
            }
        });
        let view = attach(&socket, || unreachable!("the holder has the stage")).unwrap();
        assert!(!view.holder().holds());
        next_stop(&view.stages, 2);
        holder.join().unwrap();
        // A key pressed as the holder ends, before the take-over: it waits, and is not lost.
        view.driver.send(Drive::Next);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while !view.holder().holds() {
            assert!(std::time::Instant::now() < deadline, "never took over");
            std::thread::sleep(Duration::from_millis(20));
        }
        next_stop(&view.stages, 3);
        let projector = attach(&socket, || unreachable!("the view took the stage over")).unwrap();
        next_stop(&projector.stages, 3);
        projector.driver.send(Drive::Next);
        next_stop(&view.stages, 4);
    }
}
