export {
  writePackage,
  type PackageAttachment,
  type WritePackageInput,
  type WriteProgress,
  type WrittenPackage,
} from './write-package.js';
export { readPackage, type ReadAttachment, type ReadPackageOptions, type ReadPackageResult } from './read-package.js';
