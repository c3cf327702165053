// Placeholder replaced by the PostgreSQL-aware setup.
export default function setup(): void {}
