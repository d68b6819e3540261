#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs an external tool in a process group of its own, so that on a timeout the tool and everything it
/// started (a browser's helper processes) are ended together: terminate, wait, kill.
struct ToolProcess {
    /// How a run ended.
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case couldNotStart(String)
    }

    var executable: String
    var arguments: [String]
    /// How long the tool may take.
    var timeout: Duration = .seconds(120)
    /// How long it has to end after SIGTERM before SIGKILL.
    var gracePeriod: Duration = .seconds(2)

    /// Runs the tool with no input and its output discarded; its standard error is written to `stderrPath`.
    func run(stderrPath: String) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { return .couldNotStart(String(cString: strerror(status))) }

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let outcome = Self.reap(pid) { return outcome }
            if clock.now >= deadline { break }
            usleep(20_000)
        }
        // Timed out: end the whole group, politely first.
        kill(-pid, SIGTERM)
        let killAt = clock.now.advanced(by: gracePeriod)
        while clock.now < killAt {
            if Self.reap(pid) != nil {
                kill(-pid, SIGKILL)  // helpers that outlived the leader
                return .timedOut
            }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        var ignored: Int32 = 0
        waitpid(pid, &ignored, 0)
        return .timedOut
    }

    /// The outcome when the process has ended, nil while it runs.
    private static func reap(_ pid: pid_t) -> Outcome? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result < 0 ? .couldNotStart("waitpid failed") : nil }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
