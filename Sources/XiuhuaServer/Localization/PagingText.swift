/// The pager under the console's long lists (its links are `ConsoleText`'s previous and
/// next, as the case queues have them).
enum PagingText: MessageCatalog {
    enum Key: String, CaseIterable {
        case pages, position
    }

    static let table: [Key: (zh: String, en: String)] = [
        .pages: ("分页", "Pages"),
        .position: ("第 {page} / {pages} 页，共 {total} 条", "Page {page} of {pages}, {total} in all"),
    ]
}
