// What other modules may read of brands (and lock, to serialise their own changes about one brand).
export { getBrand as findBrand, listBrands as findBrands, lockBrand, statusHistory as brandStatusHistory, type BrandRecord, type StatusChange } from './repo.ts';
