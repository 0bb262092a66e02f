"""Pick the benchmark documents for scripts/bench.sh: the first N records of a
gva-news documents.jsonl with non-empty content, written as sitrep input records
({"id", "text"}) to OUT (outside the repository: the articles are copyrighted).

Prints on stdout a JSON object with the counts: documents, words (whitespace
separated), subwords (the model's tokenizer, no special tokens), bytes.

usage: python prepare_docs.py DOCUMENTS.jsonl N OUT.jsonl TOKENIZER.json
"""

import json
import sys

from tokenizers import Tokenizer


def main() -> None:
    src, n, out, tokenizer_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    tok = Tokenizer.from_file(tokenizer_path)
    tok.no_truncation()
    tok.no_padding()
    docs = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec.get("content") or ""
            if text.strip():
                docs.append({"id": rec["doc_id"], "text": text})
            if len(docs) == n:
                break
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    texts = [d["text"] for d in docs]
    subwords = sum(len(e.ids) for e in tok.encode_batch(texts, add_special_tokens=False))
    print(
        json.dumps(
            {
                "documents": len(docs),
                "words": sum(len(t.split()) for t in texts),
                "subwords": subwords,
                "bytes": sum(len(t.encode("utf-8")) for t in texts),
            }
        )
    )


if __name__ == "__main__":
    main()
