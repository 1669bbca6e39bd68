export { FinancePage, FundsPersonPage } from './FinancePage';
export { HerMoney } from './HerMoney';
