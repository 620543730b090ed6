/// Coordinates the single SQLite writer so that concurrent write transactions share one
/// durable commit (group commit).
///
/// With `synchronous=FULL` every COMMIT waits for the disk; that wait, not the SQL, bounds
/// how many writes a second the server acknowledges. So when writers queue behind the one
/// holding the connection, the holder does not commit: it hands the connection on with the
/// transaction still open and waits; the last writer of the batch commits for everyone and
/// tells them the outcome. Each writer's statements run inside its own SAVEPOINT, so a
/// writer that fails rolls back only its own work; a failed COMMIT fails every writer in the
/// batch, and none of them has been acknowledged. Nothing is acknowledged before it is on
/// disk.
actor GroupCommit {
    /// What the writer holding the connection does after its statements.
    enum Next {
        /// Others are waiting: pass the open transaction on and wait for the batch's commit.
        case handOver
        /// Nobody is waiting (or the batch is full): commit now.
        case commit
    }

    static let maximumBatch = 256

    private var isHeld = false
    private var connectionWaiters: [CheckedContinuation<Void, Never>] = []
    private var commitWaiters: [CheckedContinuation<Result<Void, any Error>, Never>] = []
    private(set) var transactionOpen = false
    private var batchSize = 0

    /// Waits for the writer connection.
    func acquire() async {
        if !isHeld {
            isHeld = true
            return
        }
        await withCheckedContinuation { connectionWaiters.append($0) }
    }

    /// Called by the holder once it has begun a transaction.
    func transactionBegan() {
        transactionOpen = true
        batchSize = 0
    }

    /// Called by the holder after its own statements (successful or rolled back to its
    /// savepoint); says whether to hand over or commit.
    func next(addedWork: Bool) -> Next {
        if addedWork { batchSize += 1 }
        return !connectionWaiters.isEmpty && batchSize < Self.maximumBatch ? .handOver : .commit
    }

    /// Passes the connection, transaction open, to the next writer and waits for the batch
    /// to be committed. Returns the commit's outcome.
    func handOverAndAwaitCommit() async -> Result<Void, any Error> {
        await withCheckedContinuation { continuation in
            commitWaiters.append(continuation)
            connectionWaiters.removeFirst().resume()
        }
    }

    /// Passes the connection on without waiting for a commit (the writer's own work was
    /// rolled back, so the commit's outcome does not concern it).
    func handOver() {
        connectionWaiters.removeFirst().resume()
    }

    /// Called by the holder after COMMIT (or a failed one): tells the batch, then frees the
    /// connection for the next writer, who begins a new transaction.
    func batchFinished(_ outcome: Result<Void, any Error>) {
        for waiter in commitWaiters {
            waiter.resume(returning: outcome)
        }
        commitWaiters.removeAll()
        transactionOpen = false
        batchSize = 0
        if connectionWaiters.isEmpty {
            isHeld = false
        } else {
            connectionWaiters.removeFirst().resume()
        }
    }
}
