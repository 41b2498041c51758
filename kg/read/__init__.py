"""Read (the first stage): paths -> `RawArticle`s and `Skipped` inputs, with their reasons.

In: files and folders of .txt, .md, .html and .jsonl. Out: each article's text (decoded, NFC,
unwrapped where hard-wrapped) with what its source says of it (title, date, URL, author,
publisher), or the reason it is not read. Then its language (`language.detect_language`).

- `sources`: finding files in folders, one article per file, JSON Lines records
- `decode`: bytes to text, and what is refused as not text
- `html`, `jsonl`: the two structured formats
- `article`: the RawArticle record, the source name and the title
- `dates`: the day a source's date field names
- `language`: language detection
"""
