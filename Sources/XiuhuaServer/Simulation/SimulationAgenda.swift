import Foundation

/// What the simulator must do next, earliest first; ties keep the order they were added
/// in, so a run is the same every time.
struct SimulationAgenda<Item> {
    private var heap: [(at: Date, order: Int, item: Item)] = []
    private var added = 0

    var isEmpty: Bool { heap.isEmpty }
    var nextTime: Date? { heap.first?.at }

    mutating func add(_ item: Item, at: Date) {
        heap.append((at, added, item))
        added += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest item due before `limit`.
    mutating func pop(before limit: Date) -> (at: Date, item: Item)? {
        guard let first = heap.first, first.at < limit else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, precedes(left, smallest) { smallest = left }
                if right < heap.count, precedes(right, smallest) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (first.at, first.item)
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        heap[a].at < heap[b].at || (heap[a].at == heap[b].at && heap[a].order < heap[b].order)
    }
}
