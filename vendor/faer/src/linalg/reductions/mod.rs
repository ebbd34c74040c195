const LINEAR_IMPL_THRESHOLD: usize = 128;
pub mod determinant;
pub mod norm_l1;
pub mod norm_l2;
pub mod norm_l2_sqr;
pub mod norm_max;
pub mod sum;
