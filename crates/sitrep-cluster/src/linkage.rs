//! Average-linkage agglomerative clustering over the sparse graph of
//! scored pairs (a missing pair counts as 0), merging while the best
//! average is above the threshold. Average linkage does not chain two
//! incidents through one ambiguous report.

use std::collections::{BTreeMap, BinaryHeap, HashMap};

use rayon::prelude::*;

#[derive(PartialEq)]
struct Cand {
    avg: f32,
    a: u32,
    b: u32,
    stamp: (u32, u32),
}

impl Eq for Cand {}

impl Ord for Cand {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.avg
            .total_cmp(&o.avg)
            .then(o.a.cmp(&self.a))
            .then(o.b.cmp(&self.b))
    }
}

impl PartialOrd for Cand {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

/// Average-linkage clustering of `n` items over sparse similarities;
/// returns clusters of item indices, each sorted, ordered by first item.
///
/// Two clusters can only merge when some pair between them reaches the
/// threshold (an average is never above the largest value), so the graph
/// of such pairs is cut into connected components first and each is
/// clustered on its own, in parallel; pairs between components are never
/// needed.
#[must_use]
pub fn average_linkage(n: usize, scored: &[(u32, u32, f32)], threshold: f32) -> Vec<Vec<u32>> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(p: &mut [u32], x: u32) -> u32 {
        let mut r = x;
        while p[r as usize] != r {
            r = p[r as usize];
        }
        let mut y = x;
        while p[y as usize] != r {
            let next = p[y as usize];
            p[y as usize] = r;
            y = next;
        }
        r
    }
    for &(i, j, s) in scored {
        if s >= threshold {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            if a != b {
                parent[a.max(b) as usize] = a.min(b);
            }
        }
    }
    let roots: Vec<u32> = (0..n as u32).map(|i| find(&mut parent, i)).collect();
    // Members of each component with two items or more, and their pairs.
    let mut comp_index: HashMap<u32, usize> = HashMap::new();
    let mut comps: Vec<Component> = Vec::new();
    let mut singles: Vec<Vec<u32>> = Vec::new();
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for &r in &roots {
        *sizes.entry(r).or_default() += 1;
    }
    for (i, &r) in roots.iter().enumerate() {
        if sizes[&r] == 1 {
            singles.push(vec![i as u32]);
        } else {
            let k = *comp_index.entry(r).or_insert_with(|| {
                comps.push((Vec::new(), Vec::new()));
                comps.len() - 1
            });
            comps[k].0.push(i as u32);
        }
    }
    for &(i, j, s) in scored {
        let (ri, rj) = (roots[i as usize], roots[j as usize]);
        if ri == rj {
            if let Some(&k) = comp_index.get(&ri) {
                comps[k].1.push((i, j, s));
            }
        }
    }
    let mut out: Vec<Vec<u32>> = comps
        .into_par_iter()
        .flat_map_iter(|(members, pairs)| {
            let local: HashMap<u32, u32> = members
                .iter()
                .enumerate()
                .map(|(k, &m)| (m, k as u32))
                .collect();
            let lp: Vec<(u32, u32, f32)> = pairs
                .iter()
                .map(|&(i, j, s)| (local[&i], local[&j], s))
                .collect();
            linkage_within(members.len(), &lp, threshold)
                .into_iter()
                .map(move |c| {
                    let mut g: Vec<u32> = c.iter().map(|&k| members[k as usize]).collect();
                    g.sort_unstable();
                    g
                })
                .collect::<Vec<_>>()
        })
        .collect();
    out.extend(singles);
    out.sort_by_key(|m| m[0]);
    out
}

/// A connected component: its members and the scored pairs inside it.
type Component = (Vec<u32>, Vec<(u32, u32, f32)>);

/// Average linkage within one connected component.
fn linkage_within(n: usize, scored: &[(u32, u32, f32)], threshold: f32) -> Vec<Vec<u32>> {
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Sum of pair similarities between clusters, keyed by cluster ids.
    let mut sums: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); n];
    for &(i, j, s) in scored {
        *sums[i as usize].entry(j).or_default() += s;
        *sums[j as usize].entry(i).or_default() += s;
    }
    let mut version = vec![0u32; n];
    let mut heap = BinaryHeap::new();
    for (i, m) in sums.iter().enumerate() {
        for (&j, &s) in m {
            if (i as u32) < j && s >= threshold {
                heap.push(Cand {
                    avg: s,
                    a: i as u32,
                    b: j,
                    stamp: (0, 0),
                });
            }
        }
    }
    while let Some(c) = heap.pop() {
        if c.avg < threshold {
            break;
        }
        let (a, b) = (c.a as usize, c.b as usize);
        if !alive[a] || !alive[b] || c.stamp != (version[a], version[b]) {
            continue;
        }
        // Merge b into a (a < b keeps ids stable and deterministic).
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        alive[b] = false;
        version[a] += 1;
        let sb = std::mem::take(&mut sums[b]);
        sums[a].remove(&(b as u32));
        for (k, s) in sb {
            if k as usize == a {
                continue;
            }
            *sums[a].entry(k).or_default() += s;
            let m = &mut sums[k as usize];
            let v = m.remove(&(b as u32)).unwrap_or(0.0);
            *m.entry(a as u32).or_default() += v;
        }
        let size_a = members[a].len() as f32;
        for (&k, &s) in &sums[a] {
            let avg = s / (size_a * members[k as usize].len() as f32);
            if avg >= threshold {
                let (x, y) = if (a as u32) < k {
                    (a as u32, k)
                } else {
                    (k, a as u32)
                };
                heap.push(Cand {
                    avg,
                    a: x,
                    b: y,
                    stamp: (version[x as usize], version[y as usize]),
                });
            }
        }
    }
    let mut out: Vec<Vec<u32>> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(mut m, _)| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_by_key(|m| m[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkage_keeps_chains_apart() {
        // 0-1 and 2-3 strong; 1-2 moderately linked: average linkage must
        // not merge {0,1} with {2,3} (average 0.6/4 = 0.15).
        let scored = vec![(0, 1, 0.9), (2, 3, 0.95), (1, 2, 0.6), (4, 5, 0.4)];
        let c = average_linkage(6, &scored, 0.5);
        assert_eq!(c, vec![vec![0, 1], vec![2, 3], vec![4], vec![5]]);
    }

    #[test]
    fn linkage_merges_well_connected_groups() {
        let scored = vec![(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.7), (2, 3, 0.2)];
        let c = average_linkage(4, &scored, 0.5);
        assert_eq!(c, vec![vec![0, 1, 2], vec![3]]);
    }
}
