import Hummingbird
import Logging
import ServiceLifecycle

/// Runs `app` until SIGTERM (systemd's stop) or SIGINT. Then the server stops accepting
/// connections and closes idle ones, the requests in flight finish, the services behind it
/// stop in turn (the notification being sent is recorded before the worker ends), and the
/// call returns. Whatever is still running after `timeout` is cancelled and the call
/// throws, so a stuck client cannot hold a restart up for ever.
public func runUntilStopped(_ app: some ApplicationProtocol, shutdownTimeout timeout: Duration, logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    configuration.maximumGracefulShutdownDuration = timeout
    configuration.maximumCancellationDuration = .seconds(5)
    try await ServiceGroup(configuration: configuration).run()
}
