import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage.tsx';
import { AmendPage } from './pages/AmendPage.tsx';
import { BrandPage } from './pages/BrandPage.tsx';
import { BrandsPage } from './pages/BrandsPage.tsx';
import { CertificatePage } from './pages/CertificatePage.tsx';
import { CbamPage } from './pages/CbamPage.tsx';
import { CertificatesPage } from './pages/CertificatesPage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { DisclosureFormPage } from './pages/DisclosureFormPage.tsx';
import { DisclosurePage } from './pages/DisclosurePage.tsx';
import { DisclosuresPage } from './pages/DisclosuresPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { MarketCalendarPage } from './pages/MarketCalendarPage.tsx';
import { MarketDataPage, MarketReportVerifyPage } from './pages/MarketDataPage.tsx';
import { IssuePage } from './pages/IssuePage.tsx';
import { LoadOutPage } from './pages/LoadOutPage.tsx';
import { NetworkPage } from './pages/NetworkPage.tsx';
import { PublicWarrantPage } from './pages/PublicWarrantPage.tsx';
import { ReceiptPage } from './pages/ReceiptPage.tsx';
import { ReceiptsPage } from './pages/ReceiptsPage.tsx';
import { ReceivePage } from './pages/ReceivePage.tsx';
import { StockPage } from './pages/StockPage.tsx';
import { SwapsPage } from './pages/SwapsPage.tsx';
import { WarrantPage } from './pages/WarrantPage.tsx';
import { WarrantReviewPage } from './pages/WarrantReviewPage.tsx';
import { WarrantsPage } from './pages/WarrantsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { PledgesPage } from './pages/PledgesPage.tsx';
import { ProducerPage } from './pages/ProducerPage.tsx';
import { PublicVerifyPage } from './pages/PublicVerifyPage.tsx';
import { RentPage } from './pages/RentPage.tsx';
import { RentStatementPage } from './pages/RentStatementPage.tsx';
import { SpecsPage } from './pages/SpecsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { VerifyUploadPage } from './pages/VerifyUploadPage.tsx';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="certificates" element={<CertificatesPage />} />
        <Route path="certificates/new" element={<IssuePage />} />
        <Route path="certificates/:id" element={<CertificatePage />} />
        <Route path="certificates/:id/amend" element={<AmendPage />} />
        <Route path="brands" element={<BrandsPage />} />
        <Route path="specs" element={<SpecsPage />} />
        <Route path="brands/:brand" element={<BrandPage />} />
        <Route path="brands/:brand/cbam" element={<CbamPage />} />
        <Route path="disclosures" element={<DisclosuresPage />} />
        <Route path="disclosures/new" element={<DisclosureFormPage />} />
        <Route path="disclosures/:id" element={<DisclosurePage />} />
        <Route path="producers/:orgId" element={<ProducerPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="imports" element={<ImportPage />} />
        <Route path="market/calendar" element={<MarketCalendarPage />} />
        <Route path="rent" element={<RentPage />} />
        <Route path="rent/statements/:id" element={<RentStatementPage />} />
        <Route path="market-data" element={<MarketDataPage />} />
        <Route path="market-data/reports/:id/verify" element={<MarketReportVerifyPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="pledges" element={<PledgesPage />} />
        <Route path="organisations/:orgId" element={<OrganisationPage />} />
        <Route path="invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="receipts" element={<ReceiptsPage />} />
        <Route path="receipts/new" element={<ReceivePage />} />
        <Route path="receipts/:id" element={<ReceiptPage />} />
        <Route path="load-out" element={<LoadOutPage />} />
        <Route path="stock" element={<StockPage />} />
        <Route path="warrants" element={<WarrantsPage />} />
        <Route path="warrants/:id" element={<WarrantPage />} />
        <Route path="swaps" element={<SwapsPage />} />
        <Route path="network" element={<NetworkPage />} />
        <Route path="warrant-review" element={<WarrantReviewPage />} />
        <Route path="w/:id" element={<PublicWarrantPage />} />
        <Route path="v/:id" element={<PublicVerifyPage />} />
        <Route path="verify" element={<VerifyUploadPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
