/** English texts of answers shown beyond their widget (namespace `fields`): the answer history's current value, a matrix printed as a table, attachment limits. */
export const en = {
  currentValue: 'Current value',
  earlierValues: 'Earlier values',
  matrixItem: 'Item',
  matrixAgreement: 'Agreement',
  matrixImpact: 'Impact',
  fileTooLarge: 'Not attached: {{name}} is larger than {{limit}}, the largest file this question takes.',
};
