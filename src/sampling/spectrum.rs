//! Eigenvalues of sampled matrices with faer, sequential inside a trial (parallelism lives at the
//! trial level), with the matrix, eigenvalue buffer and scratch allocated once per worker.

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::linalg::evd::{self, schur, ComputeEigenvectors};
use faer::reborrow::Reborrow;
use faer::{Col, Mat, MatMut, Par};
use num_complex::Complex;

use super::draw::Entry;
use super::real::Real;
use crate::model::Method;

/// Spectral radius and the number of eigenvalues outside the unit circle: moduli above
/// `1 + tol`, `tol` the rounding tolerance of the precision they were computed in
/// ([`crate::model::Precision::outside_tolerance`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadiusRecord {
    pub rho: f64,
    pub n_outside: usize,
}

impl RadiusRecord {
    pub fn from_moduli(moduli: impl Iterator<Item = f64>, tol: f64) -> Self {
        let mut rho = 0.0f64;
        let mut n_outside = 0;
        for m in moduli {
            rho = rho.max(m);
            n_outside += usize::from(m > 1.0 + tol);
        }
        RadiusRecord { rho, n_outside }
    }
}

/// Why eigenvalues could not be computed: faer's QR iteration did not converge, or the matrix held
/// a non-finite entry. Reported to the user, never turned into a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoConvergence;

/// Shifts per sweep of faer's multishift QR, for real matrices. faer's defaults (32 at n = 256, 64
/// at n = 1024) are tuned for parallel runs; one matrix per thread runs faster with fewer.
/// Measured with `examples/evd_params.rs`, one thread, 2-core AMD EPYC (AVX2), both the dense
/// path and the Hessenberg model, in double and single precision (the best count does not depend
/// on the precision):
/// * n = 256: 12 to 16 shifts within noise of each other, fewer or more up to 1.5x slower;
/// * n = 1024: 24 and 32 equal (real f32 Hessenberg 161-163 ms, dense 247-251 ms), 48 slower;
/// * n = 1536 and 2048: 48 faster than 24 (real f32 Hessenberg at 2048: 726 ms against 904;
///   64 gives 794, 96 gives 1086).
extern "C" fn shift_count_real(n: usize, _active: usize) -> usize {
    match n {
        0..30 => 2,
        30..60 => 4,
        60..150 => 8,
        150..590 => 16,
        590..1200 => 24,
        1200..3000 => 48,
        3000..6000 => 64,
        _ => 128,
    }
}

/// Shifts per sweep for complex matrices: as [`shift_count_real`], except at n = 1024, where 32
/// shifts beat 24 by 2% (dense) to 6% (Hessenberg) in both precisions (c32 Hessenberg: 285-288 ms
/// against 301; 48 gives 317).
extern "C" fn shift_count_complex(n: usize, active: usize) -> usize {
    match n {
        590..1200 => 32,
        _ => shift_count_real(n, active),
    }
}

/// Aggressive-early-deflation window matching a shift count `s` (LAPACK's rule: equal to the
/// shift count up to n = 500, one and a half times it above).
fn window_for(n: usize, s: usize) -> usize {
    if n <= 500 {
        s
    } else {
        3 * s / 2
    }
}

extern "C" fn deflation_window_real(n: usize, active: usize) -> usize {
    window_for(n, shift_count_real(n, active))
}

extern "C" fn deflation_window_complex(n: usize, active: usize) -> usize {
    window_for(n, shift_count_complex(n, active))
}

/// faer's eigenvalue parameters with the sequential shift strategy above.
pub fn evd_params<T: faer::traits::ComplexField>() -> evd::EvdParams {
    let mut p: evd::EvdParams = faer::Auto::<T>::auto();
    if T::IS_REAL {
        p.schur.recommended_shift_count = shift_count_real;
        p.schur.recommended_deflation_window = deflation_window_real;
    } else {
        p.schur.recommended_shift_count = shift_count_complex;
        p.schur.recommended_deflation_window = deflation_window_complex;
    }
    p
}

/// Which structure the matrix held by a workspace has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Any square matrix: Householder reduction to Hessenberg form, then the QR iteration.
    General,
    /// Already upper Hessenberg: the QR iteration alone (the reduction is skipped).
    Hessenberg,
}

impl Form {
    /// The structure `method`'s matrices have when they reach the eigenvalue routine.
    pub fn of(method: Method) -> Form {
        match method {
            Method::Hessenberg => Form::Hessenberg,
            Method::Dense | Method::Kostlan => Form::General,
        }
    }
}

/// An entry type whose eigenvalues faer computes.
pub trait Eigen: Entry + faer::traits::ComplexField {
    fn scratch(n: usize, form: Form, params: evd::EvdParams) -> StackReq;
    /// Writes the eigenvalue moduli of `a` into `moduli` and returns how many eigenvalues are
    /// real (exactly: a 1 x 1 block of the real Schur form; a complex matrix's eigenvalues have
    /// no such structure and count as none); a Hessenberg `a` is overwritten.
    fn moduli_into(
        a: MatMut<'_, Self>,
        form: Form,
        params: evd::EvdParams,
        moduli: &mut [f64],
        work: &mut Col<Self>,
        work_im: &mut Col<Self::Part>,
        stack: &mut MemStack,
    ) -> Result<usize, NoConvergence>;
    /// Eigenvalue `i` (real and imaginary parts) of what [`Eigen::moduli_into`] left in `work`
    /// and `work_im`.
    fn eigenvalue(
        work: &Col<Self>,
        work_im: &Col<Self::Part>,
        i: usize,
    ) -> (Self::Part, Self::Part);
}

fn scratch_for<T: Eigen>(n: usize, form: Form, params: evd::EvdParams) -> StackReq {
    match form {
        Form::General => evd::evd_scratch::<T>(
            n,
            ComputeEigenvectors::No,
            ComputeEigenvectors::No,
            Par::Seq,
            params.into(),
        ),
        Form::Hessenberg => {
            schur::multishift_qr_scratch::<T>(n, n, false, false, Par::Seq, params.schur)
        }
    }
}

/// `multishift_qr` returns the number of eigenvalues it failed to converge as its first value.
fn converged(info: (isize, usize, usize)) -> Result<(), NoConvergence> {
    if info.0 == 0 {
        Ok(())
    } else {
        Err(NoConvergence)
    }
}

impl<R: Real> Eigen for R {
    fn scratch(n: usize, form: Form, params: evd::EvdParams) -> StackReq {
        scratch_for::<R>(n, form, params)
    }

    fn eigenvalue(work: &Col<R>, work_im: &Col<R>, i: usize) -> (R, R) {
        (work[i], work_im[i])
    }

    fn moduli_into(
        a: MatMut<'_, R>,
        form: Form,
        params: evd::EvdParams,
        moduli: &mut [f64],
        work: &mut Col<R>,
        work_im: &mut Col<R>,
        stack: &mut MemStack,
    ) -> Result<usize, NoConvergence> {
        match form {
            Form::General => evd::evd_real(
                a.rb(),
                work.as_mut().as_diagonal_mut(),
                work_im.as_mut().as_diagonal_mut(),
                None,
                None,
                Par::Seq,
                stack,
                params.into(),
            )
            .map_err(|_| NoConvergence)?,
            Form::Hessenberg => {
                let n = a.nrows();
                converged(schur::real_schur::multishift_qr(
                    false,
                    a,
                    None,
                    work.as_mut(),
                    work_im.as_mut(),
                    0,
                    n,
                    Par::Seq,
                    stack,
                    params.schur,
                ))?
            }
        }
        let mut real = 0;
        for (i, m) in moduli.iter_mut().enumerate() {
            let (re, im) = (work[i].to_f64(), work_im[i].to_f64());
            *m = re.hypot(im);
            real += usize::from(im == 0.0);
        }
        Ok(real)
    }
}

impl<R: Real> Eigen for Complex<R> {
    fn scratch(n: usize, form: Form, params: evd::EvdParams) -> StackReq {
        scratch_for::<Complex<R>>(n, form, params)
    }

    fn eigenvalue(work: &Col<Complex<R>>, _work_im: &Col<R>, i: usize) -> (R, R) {
        (work[i].re, work[i].im)
    }

    fn moduli_into(
        a: MatMut<'_, Complex<R>>,
        form: Form,
        params: evd::EvdParams,
        moduli: &mut [f64],
        work: &mut Col<Complex<R>>,
        _work_im: &mut Col<R>,
        stack: &mut MemStack,
    ) -> Result<usize, NoConvergence> {
        match form {
            Form::General => evd::evd_cplx(
                a.rb(),
                work.as_mut().as_diagonal_mut(),
                None,
                None,
                Par::Seq,
                stack,
                params.into(),
            )
            .map_err(|_| NoConvergence)?,
            Form::Hessenberg => {
                let n = a.nrows();
                converged(schur::complex_schur::multishift_qr(
                    false,
                    a,
                    None,
                    work.as_mut(),
                    0,
                    n,
                    Par::Seq,
                    stack,
                    params.schur,
                ))?
            }
        }
        for (i, m) in moduli.iter_mut().enumerate() {
            *m = work[i].re.to_f64().hypot(work[i].im.to_f64());
        }
        Ok(0)
    }
}

/// Everything one worker needs to compute the spectrum of `n x n` matrices, allocated once and
/// reused across that worker's trials.
pub struct DenseWorkspace<T: Eigen> {
    pub matrix: Mat<T>,
    pub moduli: Vec<f64>,
    /// How many eigenvalues of the last matrix were real (real entry types only).
    pub real_eigenvalues: usize,
    form: Form,
    params: evd::EvdParams,
    eig: Col<T>,
    eig_im: Col<T::Part>,
    scratch: MemBuffer,
}

impl<T: Eigen> DenseWorkspace<T> {
    /// A workspace for general matrices.
    pub fn new(n: usize) -> Self {
        Self::with_form(n, Form::General)
    }

    pub fn with_form(n: usize, form: Form) -> Self {
        Self::with_params(n, form, evd_params::<T>())
    }

    /// A workspace whose QR iteration uses `params` instead of [`evd_params`] (to tune them).
    pub fn with_params(n: usize, form: Form, params: evd::EvdParams) -> Self {
        DenseWorkspace {
            matrix: Mat::zeros(n, n),
            moduli: vec![0.0; n],
            real_eigenvalues: 0,
            form,
            params,
            eig: Col::zeros(n),
            eig_im: Col::zeros(n),
            scratch: MemBuffer::new(T::scratch(n, form, params)),
        }
    }

    pub fn form(&self) -> Form {
        self.form
    }

    /// Bytes one workspace holds for width `n`, to refuse widths that cannot fit in memory.
    pub fn bytes(n: usize, form: Form) -> u128 {
        let elem = std::mem::size_of::<T>() as u128;
        let scratch = T::scratch(n, form, evd_params::<T>()).size_bytes() as u128;
        let n = n as u128;
        n * n * elem + scratch + n * (elem + 16)
    }

    /// Eigenvalue moduli of the matrix currently held, left in `self.moduli`. A Hessenberg
    /// matrix is destroyed by the QR iteration; draw a new one before the next call.
    pub fn compute_moduli(&mut self) -> Result<&[f64], NoConvergence> {
        let stack = MemStack::new(&mut self.scratch);
        self.real_eigenvalues = T::moduli_into(
            self.matrix.as_mut(),
            self.form,
            self.params,
            &mut self.moduli,
            &mut self.eig,
            &mut self.eig_im,
            stack,
        )?;
        Ok(&self.moduli)
    }

    /// The eigenvalues (real and imaginary parts) of the matrix last passed to
    /// [`DenseWorkspace::compute_moduli`], in the order of its moduli.
    pub fn eigenvalues(&self) -> impl Iterator<Item = (T::Part, T::Part)> + Clone + '_ {
        (0..self.moduli.len()).map(|i| T::eigenvalue(&self.eig, &self.eig_im, i))
    }
}
