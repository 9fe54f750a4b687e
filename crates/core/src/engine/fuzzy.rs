//! The words of a sorted vocabulary within a few edits of a typed word, for
//! typo tolerance: optimal string alignment (insertion, deletion,
//! substitution, or a swap of two neighbouring letters, one edit each).
//!
//! The vocabulary is walked in order with one row of the edit table per
//! letter of the current word; a word sharing its first letters with the
//! previous one (as sorted words mostly do) reuses their rows, and once a
//! row is over the bound every word below that prefix is skipped at once.
//! So a typo costs a few rows per distinct prefix, not a table per word:
//! 20,000 words are walked in a fraction of a millisecond.

/// `(word index, edits)` of every word within `k` edits of `q`, in
/// vocabulary order. `word(i)` is word `i` of `count`, sorted bytewise;
/// `shared(i)` how many leading bytes word `i` shares with word `i - 1`.
pub fn within<'a>(
    q: &[u8],
    k: u8,
    count: usize,
    word: impl Fn(usize) -> &'a [u8],
    shared: impl Fn(usize) -> usize,
) -> Vec<(usize, u8)> {
    let m = q.len();
    let stride = m + 1;
    let cap = k.saturating_add(1);
    let mut rows: Vec<u8> = (0..=m).map(|j| (j.min(cap as usize)) as u8).collect();
    let mut out = Vec::new();
    // Rows 0..=valid hold the table of the current word's first letters.
    let mut valid = 0;
    let mut i = 0;
    while i < count {
        let w = word(i);
        let mut d = if i == 0 { 0 } else { shared(i).min(valid) };
        let mut over = false;
        while d < w.len() {
            d += 1;
            if rows.len() < (d + 1) * stride {
                rows.resize((d + 1) * stride, cap);
            }
            let (done, rest) = rows.split_at_mut(d * stride);
            let prev = &done[(d - 1) * stride..];
            let cur = &mut rest[..stride];
            cur[0] = d.min(cap as usize) as u8;
            let mut best = cur[0];
            for j in 1..=m {
                let same = w[d - 1] == q[j - 1];
                let mut v = (prev[j] + 1)
                    .min(cur[j - 1] + 1)
                    .min(prev[j - 1] + u8::from(!same));
                if d > 1 && j > 1 && w[d - 1] == q[j - 2] && w[d - 2] == q[j - 1] {
                    v = v.min(done[(d - 2) * stride + j - 2] + 1);
                }
                cur[j] = v.min(cap);
                best = best.min(cur[j]);
            }
            if best > k {
                // No word going on from these letters can come back under
                // the bound (a swap reads two rows up, but never below the
                // row in between): skip them all.
                over = true;
                break;
            }
        }
        if over {
            valid = d - 1;
            i += 1;
            while i < count && shared(i) >= d {
                i += 1;
            }
            continue;
        }
        valid = w.len();
        let edits = rows[w.len() * stride + m];
        if edits <= k {
            out.push((i, edits));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain table, for one pair.
    fn osa(a: &[u8], b: &[u8]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1)
                    .min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = v;
            }
        }
        t[a.len()][b.len()]
    }

    fn run(q: &str, k: u8, words: &[&str]) -> Vec<(String, u8)> {
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let shared = |i: usize| {
            sorted[i]
                .bytes()
                .zip(sorted[i - 1].bytes())
                .take_while(|(a, b)| a == b)
                .count()
        };
        within(
            q.as_bytes(),
            k,
            sorted.len(),
            |i| sorted[i].as_bytes(),
            shared,
        )
        .into_iter()
        .map(|(i, e)| (sorted[i].to_string(), e))
        .collect()
    }

    #[test]
    fn one_edit_of_each_kind() {
        let words = [
            "insertion",
            "insertions",
            "inserer",
            "institution",
            "emploi",
            "emplois",
            "employeur",
        ];
        let got = run("insrtion", 1, &words);
        assert_eq!(got, [("insertion".to_string(), 1)]);
        assert_eq!(run("insertoin", 1, &words), [("insertion".to_string(), 1)]);
        assert_eq!(run("emplio", 1, &words), [("emploi".to_string(), 1)]);
        assert_eq!(
            run("insrtions", 2, &words),
            [("insertion".to_string(), 2), ("insertions".to_string(), 1)]
        );
        assert!(run("zzzzzz", 2, &words).is_empty());
        assert_eq!(run("emploi", 0, &words), [("emploi".to_string(), 0)]);
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_plain_table(
            q in "[a-e]{0,7}",
            k in 0u8..3,
            words in proptest::collection::vec("[a-e]{0,8}", 0..60),
        ) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let got = run(&q, k, &refs);
            let mut expected: Vec<(String, u8)> = refs
                .iter()
                .map(|w| (w.to_string(), osa(q.as_bytes(), w.as_bytes())))
                .filter(|(_, e)| *e <= k as usize)
                .map(|(w, e)| (w, e as u8))
                .collect();
            expected.sort();
            expected.dedup();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
