//! Quadrature rules shared by the exact laws.

/// Visits the nodes and weights of a composite 8-point Gauss–Legendre rule on `[a, b]`.
pub fn gauss_legendre_nodes(a: f64, b: f64, panels: usize, mut visit: impl FnMut(f64, f64)) {
    const X: [f64; 4] = [
        0.183_434_642_495_649_8,
        0.525_532_409_916_329,
        0.796_666_477_413_626_7,
        0.960_289_856_497_536_2,
    ];
    const W: [f64; 4] = [
        0.362_683_783_378_362,
        0.313_706_645_877_887_3,
        0.222_381_034_453_374_5,
        0.101_228_536_290_376_3,
    ];
    let h = (b - a) / panels as f64;
    for p in 0..panels {
        let mid = a + (p as f64 + 0.5) * h;
        let half = 0.5 * h;
        for i in 0..4 {
            visit(mid - half * X[i], half * W[i]);
            visit(mid + half * X[i], half * W[i]);
        }
    }
}
