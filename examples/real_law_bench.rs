//! Times the exact real Ginibre law on one thread: `new` and single CDF evaluations across widths,
//! then the full set of summary quantities (mean, sd, quantiles, tail probabilities, calibration
//! levels) at one width:
//!
//!     cargo run --release --example real_law_bench -- [WIDTHS] [FULL_N]
//!
//! WIDTHS defaults to 64,256,1024,4096 and FULL_N to 1024 (0 skips the full set).

use mc_gumbel::math::radius_law::RadiusLaw;
use mc_gumbel::math::real_density::expected_real_eigenvalues;
use mc_gumbel::math::real_ginibre::RealGinibreLaw;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let widths: Vec<usize> = args
        .get(1)
        .map(|s| s.split(',').map(|w| w.parse().expect("a width")).collect())
        .unwrap_or_else(|| vec![64, 256, 1024, 4096]);
    let full_n: usize = args.get(2).map_or(1024, |s| s.parse().expect("a width"));

    println!("n,new_s,cdf_at_1_s,cdf_at_q1e-6_s,sf_at_uq1e-12_s,median,p_exceed_1");
    for &n in &widths {
        let t = Instant::now();
        let law = RealGinibreLaw::new(n);
        let t_new = t.elapsed().as_secs_f64();
        // One evaluation in the bulk, one in each tail (levels from the law itself).
        let t = Instant::now();
        let p1 = law.p_exceed_1();
        let t_bulk = t.elapsed().as_secs_f64();
        let median = law.quantile(0.5);
        let left = law.quantile(1e-6);
        let right = law.isf(1e-12);
        let t = Instant::now();
        let _ = law.cdf(left);
        let t_left = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let _ = law.sf(right);
        let t_right = t.elapsed().as_secs_f64();
        println!("{n},{t_new:.4},{t_bulk:.4},{t_left:.4},{t_right:.4},{median:.12},{p1:.6e}");
    }

    if full_n > 0 {
        let start = Instant::now();
        let law = RealGinibreLaw::new(full_n);
        let (mean, sd) = law.mean_sd();
        println!("full set at n = {full_n}:");
        println!("  mean {mean:.12}  sd {sd:.12}");
        for p in [0.05, 0.5, 0.95, 0.99] {
            println!("  quantile({p}) = {:.12}", law.quantile(p));
        }
        println!("  P(rho > 1) = {:.12e}", law.p_exceed_1());
        for q in [0.5, 0.1, 0.01] {
            let level = law.isf(q);
            println!(
                "  isf({q}) = {level:.12}  (exact:P factor {:.12})",
                1.0 / level
            );
        }
        for r in [1.0, 1.05, 1.1, 1.2] {
            println!("  sf({r}) = {:.12e}", law.sf(r));
        }
        println!(
            "  E(real eigenvalues) = {:.12}",
            expected_real_eigenvalues(law.n())
        );
        println!(
            "  total {:.2} s on one thread",
            start.elapsed().as_secs_f64()
        );
    }
}
