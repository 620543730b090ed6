/// The pager under the console's long lists.
enum PagingText: MessageCatalog {
    enum Key: String, CaseIterable {
        case pages, position, previous, next
    }

    static let table: [Key: (zh: String, en: String)] = [
        .pages: ("分页", "Pages"),
        .position: ("第 {page} / {pages} 页，共 {total} 条", "Page {page} of {pages}, {total} in all"),
        .previous: ("上一页", "Previous"),
        .next: ("下一页", "Next"),
    ]
}
